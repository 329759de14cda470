//! Two versions of one document side by side: which of their values differ, by place, so a
//! person choosing between this tab's version and another's sees what each would keep.

use serde::Serialize;
use serde_json::Value;

/// One value that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where it is, e.g. "intake.desired_outcome" or "stages[0].acknowledged".
    pub place: String,
    /// The value in each version as text, empty where there is none.
    pub mine: String,
    pub theirs: String,
}

impl Difference {
    /// The place in words: "intake › desired outcome", "stages 1 › acknowledged".
    pub fn label(&self) -> String {
        let mut words = String::new();
        for (i, part) in self.place.split('.').enumerate() {
            if i > 0 {
                words.push_str(" › ");
            }
            let (name, index) = match part.split_once('[') {
                Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            words.push_str(&name.replace('_', " "));
            if let Some(index) = index {
                words.push_str(&format!(" {}", index + 1));
            }
        }
        words
    }
}

/// Places left out: the history and times of change differ whenever anything does.
const IGNORED: [&str; 3] = ["history", "updated", "created"];

/// Every value that differs between `mine` and `theirs`, sorted by place.
pub fn differences<T: Serialize>(mine: &T, theirs: &T) -> Vec<Difference> {
    // Through text rather than `to_value`: the app already carries each type's serialiser to
    // text, and a second one (to a tree of values) would cost wasm size for nothing.
    let value = |x: &T| serde_json::to_string(x).and_then(|text| serde_json::from_str::<Value>(&text));
    let (Ok(mine), Ok(theirs)) = (value(mine), value(theirs)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk("", &mine, &theirs, &mut found);
    found
}

fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn walk(place: &str, mine: &Value, theirs: &Value, found: &mut Vec<Difference>) {
    if mine == theirs {
        return;
    }
    let join = |key: &str| {
        if place.is_empty() {
            key.to_string()
        } else {
            format!("{place}.{key}")
        }
    };
    match (mine, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().collect();
            keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                if place.is_empty() && IGNORED.contains(&key.as_str()) {
                    continue;
                }
                let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                walk(&join(key), x, y, found);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                walk(&format!("{place}[{i}]"), x, y, found);
            }
        }
        (Value::Array(a), Value::Array(b)) => found.push(Difference {
            place: place.to_string(),
            mine: format!("{} items", a.len()),
            theirs: format!("{} items", b.len()),
        }),
        _ => found.push(Difference {
            place: place.to_string(),
            mine: text(Some(mine)),
            theirs: text(Some(theirs)),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_value_that_differs_and_ignores_history() {
        let mine = serde_json::json!({"summary": "Late visits", "intake": {"desired_outcome": ""}, "history": [1], "stages": [{"a": 1}]});
        let theirs = serde_json::json!({"summary": "Late visits", "intake": {"desired_outcome": "An apology"}, "history": [1, 2], "stages": [{"a": 2}]});
        assert_eq!(
            differences(&mine, &theirs),
            vec![
                Difference {
                    place: "intake.desired_outcome".into(),
                    mine: String::new(),
                    theirs: "An apology".into()
                },
                Difference {
                    place: "stages[0].a".into(),
                    mine: "1".into(),
                    theirs: "2".into()
                },
            ]
        );
        assert!(differences(&mine, &mine).is_empty());
        let found = differences(&mine, &theirs);
        assert_eq!(found[0].label(), "intake › desired outcome");
        assert_eq!(found[1].label(), "stages 1 › a");
    }
}

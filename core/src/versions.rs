//! Two versions of one document side by side: which of their values differ, by place, so a
//! person choosing between this tab's version and another's sees what each would keep.

use serde::Serialize;
use serde_json::Value;

/// One value that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where it is, e.g. `intake.desired_outcome` or `stages[0].acknowledged`.
    pub place: String,
    /// The same place in words: "intake › desired outcome", "stages 1 › acknowledged",
    /// "entries › 1.1 › score" (a key is kept whole, dots and all).
    pub label: String,
    /// The value in each version as text, empty where there is none.
    pub mine: String,
    pub theirs: String,
}

/// One step into a document: a field or key, or a place in a list.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
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
    walk(&mut Vec::new(), &mine, &theirs, &mut found);
    found
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn found_at(path: &[Step], mine: String, theirs: String) -> Difference {
    let mut place = String::new();
    let mut label = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !place.is_empty() {
                    place.push('.');
                    label.push_str(" › ");
                }
                place.push_str(key);
                label.push_str(&key.replace('_', " "));
            }
            Step::Index(i) => {
                place.push_str(&format!("[{i}]"));
                label.push_str(&format!(" {}", i + 1));
            }
        }
    }
    Difference {
        place,
        label,
        mine,
        theirs,
    }
}

fn walk<'a>(path: &mut Vec<Step<'a>>, mine: &'a Value, theirs: &'a Value, found: &mut Vec<Difference>) {
    if mine == theirs {
        return;
    }
    match (mine, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().collect();
            keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                if path.is_empty() && IGNORED.contains(&key.as_str()) {
                    continue;
                }
                let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                path.push(Step::Key(key));
                walk(path, x, y, found);
                path.pop();
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                path.push(Step::Index(i));
                walk(path, x, y, found);
                path.pop();
            }
        }
        (Value::Array(a), Value::Array(b)) => found.push(found_at(
            path,
            crate::format::plural(a.len(), "item", "items"),
            crate::format::plural(b.len(), "item", "items"),
        )),
        _ => found.push(found_at(path, text(mine), text(theirs))),
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
                    label: "intake › desired outcome".into(),
                    mine: String::new(),
                    theirs: "An apology".into()
                },
                Difference {
                    place: "stages[0].a".into(),
                    label: "stages 1 › a".into(),
                    mine: "1".into(),
                    theirs: "2".into()
                },
            ]
        );
        assert!(differences(&mine, &mine).is_empty());
        // A map key with dots in it (an assessment's "1.1") is one step, not three.
        let mine = serde_json::json!({"entries": {"1.1": {"score": 1}}});
        let theirs = serde_json::json!({"entries": {"1.1": {"score": 3}}});
        assert_eq!(differences(&mine, &theirs)[0].label, "entries › 1.1 › score");
    }
}

//! Where in a JSON text a problem is, named as a path (`records[3].stages[0].acknowledged`),
//! found from the position serde_json reports rather than tracked while reading.
//!
//! Tracking the path while reading (`serde_path_to_error`) wraps every type's deserialiser in
//! a second, path-keeping copy: about 150 KB of the app's wasm for a message that is shown
//! only when something is wrong. serde_json already says where it stopped (line and column), so
//! when a read fails this walks the text once up to that point and names the value there. A
//! test in `core/tests/place.rs` holds the two to the same answer on damaged exports.

/// One step of a path: a member of an object or an item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// An object or list the walk is inside, and which of its members it has reached.
#[derive(Debug)]
struct Open {
    is_object: bool,
    /// The member being read: its key in an object, its index in a list (None before the first).
    step: Option<Step>,
    /// How many items a list has begun (the next index).
    items: usize,
}

/// The path, in `serde_path_to_error`'s spelling: keys joined by dots, indexes in brackets,
/// and `.` for the whole document.
fn spell(steps: &[Step]) -> String {
    if steps.is_empty() {
        return ".".to_string();
    }
    let mut out = String::new();
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Key(key) => {
                if n > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The byte offset of serde_json's (line, column): lines count from 1, columns are bytes from
/// the start of the line. `None` when the error carries no position (line 0).
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let start = if line == 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    Some((start + column).min(text.len()))
}

/// The path of the value at `offset` in `text`: the value that begins there (serde_json stops
/// at the first byte of a list or object of the wrong kind) or that ends there (it stops after a
/// scalar it could not take, or after the closing brace of an object missing a field). Where
/// neither is exact (a syntax error), the member being read when the walk passed `offset`.
pub(crate) fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    // The path of the member the innermost open container is reading.
    let here = |stack: &[Open]| -> Vec<Step> { stack.iter().filter_map(|open| open.step.clone()).collect() };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {
                i += 1;
            }
            b',' => {
                if let Some(open) = stack.last_mut()
                    && open.is_object
                {
                    open.step = None;
                }
                i += 1;
            }
            b'{' | b'[' => {
                begin_value(&mut stack);
                if i == offset {
                    return spell(&here(&stack));
                }
                stack.push(Open {
                    is_object: b == b'{',
                    step: None,
                    items: 0,
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
                if i == offset {
                    return spell(&here(&stack));
                }
            }
            b'"' => {
                let is_key = stack.last().is_some_and(|open| open.is_object && open.step.is_none());
                let start = i;
                i = end_of_string(bytes, i);
                if is_key {
                    // A key serde could not take (an unknown variant, a field given twice) is
                    // about the object it is in.
                    if (start..=i).contains(&offset) {
                        return spell(&here(&stack));
                    }
                    let key = text.get(start + 1..i.saturating_sub(1)).unwrap_or_default();
                    if let Some(open) = stack.last_mut() {
                        open.step = Some(Step::Key(unescape(key)));
                    }
                } else {
                    begin_value(&mut stack);
                    if (start..=i).contains(&offset) {
                        return spell(&here(&stack));
                    }
                }
            }
            _ => {
                // A number, true, false or null: up to the next delimiter.
                begin_value(&mut stack);
                let start = i;
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' | b':') {
                    i += 1;
                }
                if (start..=i).contains(&offset) {
                    return spell(&here(&stack));
                }
            }
        }
        if i > offset {
            return spell(&here(&stack));
        }
    }
    spell(&here(&stack))
}

/// A value begins in the innermost container: in a list, it is the next item.
fn begin_value(stack: &mut [Open]) {
    if let Some(open) = stack.last_mut()
        && !open.is_object
    {
        open.step = Some(Step::Index(open.items));
        open.items += 1;
    }
}

/// The index just past the string that starts at `start` (its opening quote).
fn end_of_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as a person reads it: the common escapes undone (keys Redress writes have none).
fn unescape(key: &str) -> String {
    if !key.contains('\\') {
        return key.to_string();
    }
    serde_json::from_str::<String>(&format!("\"{key}\"")).unwrap_or_else(|_| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).map_or(0, |i| i + marker.len()))
    }

    #[test]
    fn a_scalar_is_named_by_its_key_or_index() {
        let text = r#"{"records":[{"id":"a"},{"stages":[{"acknowledged":"2026-13-01"}]}]}"#;
        assert_eq!(at(text, r#""2026-13-01""#), "records[1].stages[0].acknowledged");
        assert_eq!(at(text, r#""a""#), "records[0].id");
    }

    #[test]
    fn a_container_of_the_wrong_kind_is_named_where_it_begins() {
        let text = r#"{"a": 1, "stages": {"x": 2}}"#;
        assert_eq!(path_at(text, text.find(r#"{"x""#).unwrap_or(0)), "stages");
    }

    #[test]
    fn an_object_missing_a_field_is_named_where_it_ends() {
        let text = r#"{"records":[{"id":"a","x":[1,2]}]}"#;
        assert_eq!(at(text, "[1,2]}"), "records[0]");
        assert_eq!(at(text, "[1,2]"), "records[0].x");
        assert_eq!(at(text, "[1,2"), "records[0].x[1]");
    }

    #[test]
    fn the_whole_document_is_a_dot() {
        assert_eq!(path_at("{}", 2), ".");
        assert_eq!(path_at("", 0), ".");
    }

    #[test]
    fn offsets_come_from_lines_and_columns() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        let offset = offset_of(text, 3, 8);
        assert_eq!(offset, text.find('x').map(|i| i + 1));
        assert_eq!(offset_of(text, 0, 0), None);
    }

    /// The walk names the same place as `serde_path_to_error`, which tracks it while reading,
    /// on every sample record damaged in one place (a wrong value, or a member taken away),
    /// written compact and indented.
    mod against_tracking {
        use crate::exchange::read_text;
        use crate::record::Record;
        use crate::sample::sample_records;
        use crate::settings::Settings;
        use chrono::NaiveDate;
        use proptest::prelude::*;
        use serde_json::Value;

        fn nodes(value: &Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
            out.push(at.clone());
            match value {
                Value::Object(map) => map.iter().for_each(|(k, v)| {
                    let mut next = at.clone();
                    next.push(k.clone());
                    nodes(v, next, out);
                }),
                Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
                    let mut next = at.clone();
                    next.push(i.to_string());
                    nodes(v, next, out);
                }),
                _ => {}
            }
        }

        fn reach<'a>(value: &'a mut Value, at: &[String]) -> &'a mut Value {
            at.iter().fold(value, |v, step| match v {
                Value::Object(map) => map.get_mut(step).expect("a key found by nodes"),
                Value::Array(items) => &mut items[step.parse::<usize>().expect("an index")],
                _ => unreachable!("nodes only goes into containers"),
            })
        }

        fn records() -> Vec<Value> {
            let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date");
            sample_records(
                today,
                &Settings::default(),
                &crate::record::Change::new("Sam", today.and_hms_opt(9, 0, 0).expect("a time").and_utc()),
            )
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialises"))
            .collect()
        }

        /// Put where the damage goes, then swapped for it in the text (so the damage can be text
        /// no `Value` holds, such as a number out of range or half a character).
        const MARK: &str = "\u{1}";
        const WRONG: [&str; 12] = [
            "\"x\"",
            "-1",
            "1e400",
            "{}",
            "[]",
            "true",
            "null",
            "\"2026-13-40\"",
            "300",
            "[1]",
            r#""\ud800""#,
            r#"{"a":[1,{"b":2}]}"#,
        ];

        proptest! {
            #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
            #[test]
            fn the_same_place(which in 0usize..20, node in any::<prop::sample::Index>(), wrong in 0usize..12, remove in any::<bool>(), pretty in any::<bool>()) {
                let all = records();
                let mut record = all[which % all.len()].clone();
                let mut found = Vec::new();
                nodes(&record, Vec::new(), &mut found);
                let at = node.get(&found[1..]).clone();
                let (parent, last) = at.split_at(at.len() - 1);
                let holder = reach(&mut record, parent);
                match holder {
                    Value::Object(map) if remove => { map.remove(&last[0]); }
                    _ => *reach(holder, last) = Value::String(MARK.into()),
                }
                let text = if pretty { serde_json::to_string_pretty(&record) } else { serde_json::to_string(&record) }
                    .expect("text")
                    .replace(r#""\u0001""#, WRONG[wrong]);
                let tracked = serde_path_to_error::deserialize::<_, Record>(&mut serde_json::Deserializer::from_str(&text));
                let walked = read_text::<Record>(&text);
                prop_assert_eq!(tracked.is_ok(), walked.is_ok());
                if let (Err(tracked), Err(walked)) = (tracked, walked) {
                    prop_assert_eq!(tracked.path().to_string(), walked.path().to_string(), "{}", walked);
                }
            }
        }
    }
}

//! Indented JSON made from compact JSON text, laid out exactly as `serde_json`'s pretty printer
//! lays it out (two spaces, `": "`, `[]` and `{}` when empty). Files are written this way so the
//! app carries one serialiser for each kind of document, the compact one storage uses, rather
//! than a second, indenting copy of every one of them (each copy is code in the wasm).

/// `compact` laid out with indentation. `compact` is JSON as `serde_json::to_string` writes it:
/// no white space outside strings.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push_str(&compact[start..=i]);
                if bytes.get(i + 1) == Some(&close) {
                    out.push(close as char);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
                start = i + 1;
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
                start = i + 1;
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
                start = i + 1;
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&compact[start..]);
    out
}

//! The recovery key as shown once at set-up — 32 random bytes as 16 groups of 4 letters and
//! digits — and as typed back, forgiving spaces, dashes and case.

use crate::problem::Problem;

/// The characters of a recovery key: hexadecimal, so none can be mistaken for another.
const DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// The key's bytes as shown: `1F3A-90BC-…`, sixteen groups of four.
pub fn show(bytes: &[u8]) -> String {
    let hex: Vec<char> = bytes
        .iter()
        .flat_map(|b| [DIGITS[(b >> 4) as usize] as char, DIGITS[(b & 15) as usize] as char])
        .collect();
    hex.chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The key as typed back: its 32 bytes, or what is wrong with it (field id `recovery-key`).
pub fn read(typed: &str) -> Result<Vec<u8>, Problem> {
    let problem = |message: String| Problem::new("recovery-key", message);
    let kept: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if kept.is_empty() {
        return Err(problem("Enter the recovery key".into()));
    }
    if let Some(wrong) = kept.iter().find(|c| !c.is_ascii_hexdigit()) {
        return Err(problem(format!(
            "The recovery key has only the digits 0 to 9 and the letters A to F; “{wrong}” is not one of them"
        )));
    }
    let wanted = super::KEY_BYTES * 2;
    if kept.len() != wanted {
        return Err(problem(format!(
            "The recovery key has {wanted} letters and digits; you entered {}",
            kept.len()
        )));
    }
    Ok(kept
        .chunks(2)
        .map(|pair| {
            let value = |c: char| c.to_digit(16).unwrap_or(0) as u8;
            (value(pair[0]) << 4) | value(pair[1])
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_shown_in_groups_and_read_back_however_it_is_typed() {
        let bytes: Vec<u8> = (0..32).map(|n| n * 7 + 3).collect();
        let shown = show(&bytes);
        assert_eq!(shown.len(), 64 + 15);
        assert!(shown.starts_with("030A-1118-"));
        assert_eq!(read(&shown), Ok(bytes.clone()));
        assert_eq!(read(&shown.to_lowercase().replace('-', " ")), Ok(bytes.clone()));
        assert_eq!(read(&shown.replace('-', "")), Ok(bytes));
    }

    #[test]
    fn a_key_mistyped_says_how() {
        assert_eq!(read("").unwrap_err().message, "Enter the recovery key");
        assert!(read("030A-111G").unwrap_err().message.contains("“G”"));
        assert_eq!(
            read("030A-1118").unwrap_err().message,
            "The recovery key has 64 letters and digits; you entered 8"
        );
    }
}

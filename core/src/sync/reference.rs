//! References that stay unique when many devices create records offline.
//!
//! Today a device counts `C-2026-0042` on from the highest number *it* has seen, so two devices
//! working offline both make `C-2026-0042`. Reserving blocks of numbers from the server would
//! need a device to be online before its first record of a year, and loses the unused ends of
//! blocks; a random suffix makes references long and unreadable on the phone. So each device of
//! a team has a short **device tag** of two characters, and counts its own numbers under it:
//!
//! `C-2026-K7-0042` — kind, year received, the device's tag, that device's 42nd complaint of
//! 2026.
//!
//! Two devices with different tags can never mint the same reference, however long they are
//! offline, and a device never repeats itself because it keeps every reference it minted. The tag
//! is chosen once, when the device joins the team — the one moment it is online anyway — from a
//! 31-letter alphabet without look-alikes (no 0/O, 1/I/L), 961 tags in all: the first free one
//! on a walk that starts where the device id's hash points, so devices joining at the same time
//! rarely even try the same one. "Free" means not in any reference the team's database holds and
//! not claimed by another device; the claim is a `device:{tag}` document created with an
//! ordinary write, which CouchDB refuses (409) if another device created it first — then the
//! device takes the next tag.
//!
//! What is stored does not change: references are text, and every reference written so far
//! (`C-2026-0042`) stays as it is and is still read. The app keeps the device's tag in its sync
//! notes with the database it was claimed in (a device that joins another team claims again),
//! claims it on its first sync ([`choose_tag`], then the `device:{tag}` document), and gives it
//! to every [`crate::record::Change`] it makes: a new record (`record::draft`), a concern
//! escalated to a complaint (`record::outcome`) and an advocacy case
//! (`advocacy::start::case_reference`) count under it. A record renumbered on import
//! (`exchange::renumber`) still counts without a tag. References made before a device joined can
//! still clash with another device's old ones; [`to_renumber`] finds them, but renumbering them
//! on every device at once is not done yet.

use crate::record::RecordKind;
use crate::record::reference_prefix as prefix;
use chrono::{Datelike, NaiveDate};
use md5::{Digest, Md5};
use std::collections::{BTreeMap, BTreeSet};

/// The letters a tag is made of: digits and capitals without 0, 1, I, L and O.
pub const TAG_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// How many tags there are.
const TAGS: u16 = 31 * 31;

const _: () = assert!(TAG_ALPHABET.len() == 31, "a tag is two of 31 letters");

fn tag_at(index: u16) -> String {
    let first = TAG_ALPHABET[usize::from(index / 31 % 31)];
    let second = TAG_ALPHABET[usize::from(index % 31)];
    String::from_utf8_lossy(&[first, second]).into_owned()
}

/// Whether `text` is a tag (two letters of the alphabet).
pub fn is_tag(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| TAG_ALPHABET.contains(&b))
}

/// The tag for the device `device_id`: the first on its walk not in `taken`. `None` only when
/// every tag is taken.
pub fn device_tag(device_id: &str, taken: &BTreeSet<String>) -> Option<String> {
    let digest = Md5::digest(device_id.as_bytes());
    let start = u16::from_be_bytes([digest[0], digest[1]]) % TAGS;
    (0..TAGS)
        .map(|step| tag_at((start + step) % TAGS))
        .find(|tag| !taken.contains(tag))
}

/// A device's claim to its tag: the `device:{tag}` document's body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// The device's id in replication ids.
    pub device: String,
}

/// The tag this device claimed, and the team's database it claimed it in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Claimed {
    pub database: String,
    pub tag: String,
}

/// The tag for `device_id` to claim, given the claims in the team's database (`(tag, claim)`)
/// and the references this device holds: its own claim's tag if it made one before (it joins
/// the same team again), or else the first free one on its walk. `None` when every tag is taken.
pub fn choose_tag<'a>(
    device_id: &str,
    claims: &[(String, Claim)],
    references: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    if let Some((tag, _)) = claims
        .iter()
        .find(|(tag, claim)| claim.device == device_id && is_tag(tag))
    {
        return Some(tag.clone());
    }
    let mut taken = tags_in_use(references);
    taken.extend(claims.iter().map(|(tag, _)| tag.clone()));
    device_tag(device_id, &taken)
}

/// The parts of a team reference: its prefix with year (`C-2026-`), tag and number.
fn team_parts(reference: &str) -> Option<(&str, &str, u32)> {
    let mut parts = reference.rsplitn(3, '-');
    let number = parts.next()?;
    let tag = parts.next()?;
    let start = parts.next()?;
    if !is_tag(tag) || number.len() < 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year_ok = start
        .split_once('-')
        .is_some_and(|(kind, year)| kind.len() == 1 && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
    Some((start, tag, number.parse().ok()?)).filter(|_| year_ok)
}

/// Every tag the references in `references` use: taken for a device joining.
pub fn tags_in_use<'a>(references: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    references
        .into_iter()
        .filter_map(|reference| team_parts(reference).map(|(_, tag, _)| tag.to_string()))
        .collect()
}

/// The next reference for a record of `kind` received on `received`, made on the device tagged
/// `tag`: one more than the highest number under that kind, year and tag in `taken`.
pub fn next_team_reference<'a>(
    kind: RecordKind,
    received: NaiveDate,
    tag: &str,
    taken: impl IntoIterator<Item = &'a str>,
) -> String {
    next_tagged(prefix(kind), received.year(), tag, taken)
}

/// The same for any letter: `A` for an advocacy case (`advocacy::start::case_reference`'s
/// `A-2026-0003` becomes `A-2026-K7-0003`).
pub fn next_tagged<'a>(letter: &str, year: i32, tag: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let start = format!("{letter}-{year}");
    let highest = taken
        .into_iter()
        .filter_map(team_parts)
        .filter(|(s, t, _)| *s == start && *t == tag)
        .map(|(_, _, number)| number)
        .max()
        .unwrap_or(0);
    format!("{start}-{tag}-{:04}", highest.saturating_add(1))
}

/// Of records given as `(id, reference)`, those that share a reference with another and must be
/// renumbered: all but the one with the smallest id, so every device picks the same ones.
pub fn to_renumber<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<&'a str> {
    let mut by_reference: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, reference) in records {
        by_reference.entry(reference).or_default().push(id);
    }
    let mut renumber: Vec<&str> = by_reference
        .into_values()
        .flat_map(|mut ids| {
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().skip(1)
        })
        .collect();
    renumber.sort_unstable();
    renumber
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_device_counts_under_its_own_tag() {
        let taken = [
            "C-2026-K7-0041",
            "C-2026-K7-0009",
            "C-2026-AB-0100",
            "C-2026-0200",
            "C-2025-K7-0300",
            "N-2026-K7-0400",
        ];
        assert_eq!(
            next_team_reference(RecordKind::Complaint, day(), "K7", taken),
            "C-2026-K7-0042"
        );
        assert_eq!(
            next_team_reference(RecordKind::Complaint, day(), "XY", taken),
            "C-2026-XY-0001"
        );
        assert_eq!(
            next_team_reference(RecordKind::Concern, day(), "K7", []),
            "N-2026-K7-0001"
        );
    }

    #[test]
    fn a_reference_from_before_is_no_tag() {
        assert!(
            tags_in_use(["C-2026-0042", "C-2026-K7-0001", "C-2026-k7-0002", "C-2026-I1-0003", "X"])
                .into_iter()
                .eq(["K7".to_string()])
        );
    }

    #[test]
    fn a_tag_is_never_one_taken_and_the_same_for_the_same_device() {
        let first = device_tag("device-1", &BTreeSet::new()).unwrap();
        assert!(is_tag(&first));
        assert_eq!(device_tag("device-1", &BTreeSet::new()).unwrap(), first);
        let taken = BTreeSet::from([first.clone()]);
        let second = device_tag("device-1", &taken).unwrap();
        assert_ne!(second, first);
        let all: BTreeSet<String> = (0..TAGS).map(tag_at).collect();
        assert_eq!(all.len(), usize::from(TAGS));
        assert_eq!(device_tag("device-1", &all), None);
    }

    #[test]
    fn devices_offline_never_mint_the_same_reference() {
        let mut taken = BTreeSet::new();
        let mut references: Vec<String> = Vec::new();
        for device in 0..20 {
            let tag = device_tag(&format!("device-{device}"), &taken).unwrap();
            taken.insert(tag.clone());
            let mut mine: Vec<String> = Vec::new();
            for _ in 0..5 {
                let next = next_team_reference(RecordKind::Complaint, day(), &tag, mine.iter().map(String::as_str));
                mine.push(next);
            }
            references.extend(mine);
        }
        let unique: BTreeSet<&String> = references.iter().collect();
        assert_eq!(unique.len(), 100);
    }

    #[test]
    fn a_device_claims_a_free_tag_or_its_own_again() {
        let mine = device_tag("device-1", &BTreeSet::new()).unwrap();
        let other = Claim {
            device: "device-2".into(),
        };
        assert_eq!(choose_tag("device-1", &[], []), Some(mine.clone()));
        let claimed_by_another = choose_tag("device-1", &[(mine.clone(), other.clone())], []).unwrap();
        assert_ne!(claimed_by_another, mine, "another device's claim is never taken");
        let in_a_reference = format!("C-2026-{claimed_by_another}-0001");
        let third = choose_tag("device-1", &[(mine.clone(), other)], [in_a_reference.as_str()]).unwrap();
        assert!(
            third != mine && third != claimed_by_another,
            "a tag in use in a reference is taken"
        );
        let own = Claim {
            device: "device-1".into(),
        };
        assert_eq!(
            choose_tag("device-1", &[("XY".into(), own)], []),
            Some("XY".into()),
            "its own again"
        );
    }

    #[test]
    fn clashing_references_keep_the_smallest_id() {
        let records = [
            ("b", "C-2026-0001"),
            ("a", "C-2026-0001"),
            ("c", "C-2026-0002"),
            ("d", "C-2026-0001"),
        ];
        assert_eq!(to_renumber(records), ["b", "d"]);
    }
}

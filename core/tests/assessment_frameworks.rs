//! The frameworks as data, checked against the published texts: every NCMG area and every Code
//! provision present once, in order, worded exactly as published.

use redress_core::assessment::{CODE_2024, CODE_2024_DETAILED, Framework, NCMG_2016};

const NCMG_TEXT: &str = include_str!("fixtures/ncmg-good-practice-principles-2016.txt");
const CODE_TEXT: &str = include_str!("fixtures/lgsco-complaint-handling-code-2024.txt");

/// Whitespace collapsed, and the publication's bold marks and list bullets dropped, so wording is
/// compared word for word whatever the line breaks.
fn normalise(text: &str) -> String {
    text.replace("**", "")
        .split_whitespace()
        .filter(|word| !matches!(*word, "-" | ">" | "•"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The numbered lines of a text ("1.10 Staff are…", "- 6.14 The person…"), as the text has them.
fn numbered_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim().trim_start_matches("- ");
            let code: String = line.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let (major, minor) = code.split_once('.')?;
            let rest = &line[code.len()..];
            (!major.is_empty() && !minor.is_empty() && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
                .then_some(code)
        })
        .collect()
}

fn codes(framework: &Framework) -> Vec<&'static str> {
    framework.items().map(|(_, item)| item.code).collect()
}

/// Each item's code and words appear in the published text, in order, and run up to where the
/// text moves on (the next item, a page footer or a new heading): nothing missing, nothing cut.
fn assert_worded_as_published(framework: &Framework, published: &str, ends: &[&str]) {
    let published = normalise(published);
    let mut from = 0;
    let items: Vec<_> = framework.items().collect();
    for (index, (_, item)) in items.iter().enumerate() {
        let wording = normalise(&format!("{} {}", item.code, item.text));
        let found = published[from..]
            .find(&wording)
            .unwrap_or_else(|| panic!("{} is not worded as published: {wording}", item.code));
        from += found + wording.len();
        let after = published[from..].trim_start();
        let next = items.get(index + 1).map(|(_, next)| next.code);
        assert!(
            after.is_empty()
                || next.is_some_and(|code| after.starts_with(&format!("{code} ")))
                || ends.iter().any(|end| after.starts_with(end)),
            "{} stops short of the published text, which goes on: {}",
            item.code,
            &after[..after.len().min(80)]
        );
    }
}

#[test]
fn ncmg_has_five_principles_and_41_areas_once_in_order() {
    let sizes: Vec<usize> = NCMG_2016.parts.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, [12, 10, 7, 6, 6]);
    assert_eq!(NCMG_2016.item_count(), 41);
    let areas = &NCMG_TEXT[NCMG_TEXT.find("Underpinning user-led vision").unwrap()..];
    assert_eq!(codes(&NCMG_2016), numbered_lines(areas), "every area once, in order");
}

#[test]
fn ncmg_areas_are_worded_exactly_as_published() {
    let areas = &NCMG_TEXT[NCMG_TEXT.find("Underpinning user-led vision").unwrap()..];
    assert_worded_as_published(&NCMG_2016, areas, &["Published May 2016", "Principle"]);
}

#[test]
fn ncmg_principles_and_visions_are_worded_as_published() {
    let published = normalise(NCMG_TEXT);
    let names = ["one", "two", "three", "four", "five"];
    for (part, name) in NCMG_2016.parts.iter().zip(names) {
        assert_eq!(part.title, format!("Principle {name}"));
        let heading = normalise(&format!("Principle {name}: {}", part.summary));
        assert!(published.contains(&heading), "{heading}");
        let vision = normalise(&format!("Underpinning user-led vision: {}", part.vision.unwrap()));
        assert!(published.contains(&vision), "{vision}");
    }
}

#[test]
fn code_has_every_numbered_provision_once_in_order() {
    let start = CODE_TEXT.find("The Complaint Handling Code\n\n1.").unwrap();
    let end = CODE_TEXT.find("Appendix A: Self-assessment\n\nA self").unwrap();
    let provisions = &CODE_TEXT[start..end];
    assert_eq!(codes(&CODE_2024_DETAILED), numbered_lines(provisions));
    let sizes: Vec<usize> = CODE_2024_DETAILED.parts.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, [8, 5, 8, 3, 11, 22, 5, 3, 8]);
    for part in CODE_2024_DETAILED.parts {
        let heading = format!("\n{}. {}\n", part.number, part.summary);
        assert!(provisions.contains(&heading), "{heading}");
    }
}

#[test]
fn code_provisions_are_worded_as_published() {
    let start = CODE_TEXT.find("The Complaint Handling Code\n\n1.").unwrap();
    let end = CODE_TEXT.find("Appendix A: Self-assessment\n\nA self").unwrap();
    let headings: Vec<String> = CODE_2024_DETAILED
        .parts
        .iter()
        .map(|part| format!("{}. {}", part.number, part.summary))
        .chain(["Stage 2".to_string()])
        .collect();
    let ends: Vec<&str> = headings.iter().map(String::as_str).collect();
    assert_worded_as_published(&CODE_2024_DETAILED, &CODE_TEXT[start..end], &ends);
    let stage_two: Vec<&str> = CODE_2024_DETAILED.parts[5]
        .items
        .iter()
        .filter(|item| item.group == Some("Stage 2"))
        .map(|item| item.code)
        .collect();
    assert_eq!(stage_two.first(), Some(&"6.11"));
    assert_eq!(stage_two.last(), Some(&"6.22"));
}

#[test]
fn appendix_a_has_its_ten_rows_as_published() {
    let rows: Vec<String> = CODE_TEXT
        .lines()
        .filter(|line| line.ends_with("\t\t") && line.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|line| line.trim_end_matches('\t').to_string())
        .collect();
    let ours: Vec<String> = CODE_2024
        .items()
        .map(|(_, item)| format!("{}\t{}", item.group.unwrap(), item.text))
        .collect();
    assert_eq!(ours, rows);
    assert_eq!(CODE_2024.item_count(), 10);
}

//! A vote source's ballots as read for a page to show while they are typed
//! (`OrgDraft::parse_shown`): each count read once, with the rest of the entries; the tally once
//! every count reads, as the organization's own.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use dingji_rules::draft::{Mode, OrgDraft, VotesRead};
use dingji_rules::{Lang, presets};

/// Scheme B's organization with only its vote typed: `counts` for 好/较好/一般/较差, `eligible`.
fn shown(counts: [&str; 4], eligible: &str) -> (bool, VotesRead) {
    let b = presets::by_id("B").unwrap();
    let mut draft = OrgDraft::default();
    let vote = draft.source_mut(&b, "vote");
    vote.mode = Mode::Votes;
    vote.counts = counts.map(String::from).to_vec();
    vote.eligible = eligible.into();
    let (org, votes) = draft.parse_shown(&b, Lang::Zh);
    assert_eq!(votes.len(), 1, "one vote source");
    assert_eq!(votes[0].0, "vote");
    (org.is_ok(), votes[0].1.clone())
}

#[test]
fn the_ballots_read_as_typed_and_are_counted_once_every_count_reads() {
    // domain.md's worked example: 30/15/4/1 of 50 → (30 × 100 + 15 × 60 + 4 × 30 + 1 × 10) / 50
    // = 4030 / 50 = 80.6; the other sources empty, so the organization does not read.
    let (org, read) = shown(["30", "15", "4", "1"], "");
    assert!(!org);
    assert_eq!(read.counts, [Some(30), Some(15), Some(4), Some(1)]);
    assert_eq!(read.eligible, None);
    let tally = read.tally.unwrap();
    assert_eq!((tally.cast, tally.valid), (50, 50));
    assert_eq!(dingji_rules::fmt::fixed(tally.score, 2), "80.60");

    // An empty count is 0; one that does not read is None, and nothing is counted.
    let (_, read) = shown(["30", "", "x", "1"], "60");
    assert_eq!(read.counts, [Some(30), Some(0), None, Some(1)]);
    assert_eq!(read.eligible, Some(60));
    assert_eq!(read.tally, None);

    // More ballots than people eligible: read, not counted.
    let (_, read) = shown(["30", "15", "4", "1"], "40");
    assert_eq!(read.eligible, Some(40));
    assert_eq!(read.tally, None);

    // A number eligible that does not read: the ballots are still counted, without it.
    let (_, read) = shown(["30", "15", "4", "1"], "四十");
    assert_eq!(read.eligible, None);
    assert_eq!(read.tally.unwrap().valid, 50);
}

#[test]
fn a_source_entered_as_a_score_has_no_ballots_to_show() {
    let b = presets::by_id("B").unwrap();
    let mut draft = OrgDraft::default();
    let vote = draft.source_mut(&b, "vote");
    vote.mode = Mode::Score;
    vote.score = "80.6".into();
    let (_, votes) = draft.parse_shown(&b, Lang::Zh);
    assert!(votes.is_empty());
}

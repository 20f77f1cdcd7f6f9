//! 计票: the paper ballots of one organization counted as they are read out, a key per level, a
//! ballot void for it (废票) counted apart, the last one taken back; a second teller's pass over
//! the same ballots, the two compared level by level, nothing kept while they differ until one is
//! chosen with a reason; the counts sent into the list's row as one step (undone there). Saved as
//! it goes (`dingji.tally.v1`), so that a reload in the middle keeps it.

pub mod view;

use dingji_rules::Scheme;
use dingji_rules::evaluate::ballots_needed;
use dingji_rules::scheme::{SourceKind, VoteScale};

use crate::wire::codec::{TAB, join_line, split_line};

/// One ballot as it is read out for the organization: a level of the scale, or void (废票: more
/// than one tick, none, or not legible for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ballot {
    Level(usize),
    Void,
}

/// One teller's pass over the ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub teller: String,
    pub ballots: Vec<Ballot>,
}

/// A pass's counts: per level of the scale, and the void ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub levels: Vec<usize>,
    pub void: usize,
}

impl Counts {
    /// The ballots cast for the organization (every level, 不了解 included; not the void ones):
    /// what the participation rule counts.
    pub fn cast(&self) -> usize {
        self.levels.iter().sum()
    }
}

impl Pass {
    pub fn counts(&self, levels: usize) -> Counts {
        let mut counts = Counts {
            levels: vec![0; levels],
            void: 0,
        };
        for ballot in &self.ballots {
            match ballot {
                Ballot::Level(l) if *l < levels => counts.levels[*l] += 1,
                _ => counts.void += 1,
            }
        }
        counts
    }
}

/// The tally of one organization, as saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// The organization's place in the list and its name (the tally is for it only while the
    /// list has that name there).
    pub row: usize,
    pub name: String,
    /// The source counted (its id).
    pub source: String,
    /// The people eligible, as typed (or as the row had it).
    pub eligible: String,
    /// The first teller's pass and the second's.
    pub passes: [Pass; 2],
    /// The pass being counted now (0 or 1).
    pub current: usize,
    /// Where the two passes differ: the pass kept and why.
    pub chosen: Option<(usize, String)>,
}

/// What the tally keys do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Ballot(Ballot),
    /// The last ballot of the current pass taken back (Backspace).
    TakeBack,
    SetTeller(usize, String),
    SetEligible(String),
    /// The second teller begins (or the first resumes).
    Count(usize),
    Choose(Option<(usize, String)>),
}

impl Tally {
    /// A new tally of the organization at `row` named `name`, for `source`.
    pub fn new(row: usize, name: &str, source: &str, eligible: &str) -> Tally {
        Tally {
            row,
            name: name.to_owned(),
            source: source.to_owned(),
            eligible: eligible.to_owned(),
            ..Tally::default()
        }
    }

    pub fn apply(&mut self, action: Action) {
        let pass = self.current.min(1);
        match action {
            Action::Ballot(b) => self.passes[pass].ballots.push(b),
            Action::TakeBack => {
                self.passes[pass].ballots.pop();
            }
            Action::SetTeller(p, name) => {
                if let Some(pass) = self.passes.get_mut(p) {
                    pass.teller = name;
                }
            }
            Action::SetEligible(text) => self.eligible = text,
            Action::Count(p) => self.current = p.min(1),
            Action::Choose(chosen) => self.chosen = chosen,
        }
        // A choice stands only while the two passes differ.
        if !self.passes_differ() {
            self.chosen = None;
        }
    }

    /// Whether a second pass was counted and its counts differ from the first's.
    pub fn passes_differ(&self) -> bool {
        let [a, b] = [&self.passes[0], &self.passes[1]].map(|p| p.counts(64));
        !self.passes[1].ballots.is_empty() && a != b
    }

    /// The counts to keep: the first pass alone; the two passes where they agree; the one chosen
    /// (with a reason) where they differ. `levels`: the scale's number of levels.
    pub fn outcome(&self, levels: usize) -> Outcome {
        let levels = levels.min(64);
        let [a, b] = [&self.passes[0], &self.passes[1]].map(|p| p.counts(levels));
        if self.passes[1].ballots.is_empty() {
            return Outcome::Kept(a);
        }
        if a == b {
            return Outcome::Kept(a);
        }
        match &self.chosen {
            Some((p, why)) if !why.trim().is_empty() => Outcome::Kept(if *p == 0 { a } else { b }),
            _ => Outcome::Differ(differing(&a, &b)),
        }
    }
}

/// What a tally gives: the counts to keep, or where the two passes differ (level indexes;
/// `usize::MAX` for the void ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Kept(Counts),
    Differ(Vec<usize>),
}

fn differing(a: &Counts, b: &Counts) -> Vec<usize> {
    let mut at: Vec<usize> = (0..a.levels.len().max(b.levels.len()))
        .filter(|l| a.levels.get(*l) != b.levels.get(*l))
        .collect();
    if a.void != b.void {
        at.push(usize::MAX);
    }
    at
}

/// The vote scale of `source` in `scheme`.
pub fn scale<'a>(scheme: &'a Scheme, source: &str) -> Option<&'a VoteScale> {
    match scheme.source(source).map(|(_, s)| &s.input) {
        Some(SourceKind::Vote(scale)) => Some(scale),
        _ => None,
    }
}

/// The key of each level: the valid ones 1, 2, 3… in order, the first not valid (不了解) 0.
pub fn keys(scale: &VoteScale) -> Vec<Option<char>> {
    let mut next = 1u32;
    let mut zero = false;
    scale
        .levels
        .iter()
        .map(|l| {
            if l.valid {
                let key = char::from_digit(next, 10);
                next += 1;
                key
            } else if !zero {
                zero = true;
                Some('0')
            } else {
                None
            }
        })
        .collect()
}

/// The participation rule against `cast`, where the scale has one and `eligible` reads: the
/// ballots needed, and how many are still short.
pub fn participation(scale: &VoteScale, eligible: &str, cast: usize) -> Option<(u64, u64)> {
    let rule = scale.participation.as_ref()?;
    let eligible: u64 = eligible.trim().parse().ok()?;
    let needed = ballots_needed(rule, eligible);
    Some((needed, needed.saturating_sub(cast as u64)))
}

/// The local storage key, versioned with the format.
pub const STORAGE_KEY: &str = "dingji.tally.v1";
const HEADER: &str = "dingji-tally 1";

fn ballots_text(ballots: &[Ballot]) -> String {
    ballots
        .iter()
        .map(|b| match b {
            Ballot::Level(l) => l.to_string(),
            Ballot::Void => "x".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

impl Tally {
    /// The tally as saved: a header line, then a line a field.
    pub fn to_text(&self) -> String {
        let mut lines = vec![
            HEADER.to_owned(),
            format!(
                "org {}",
                join_line(&[self.row.to_string(), self.name.clone()], TAB)
            ),
            format!(
                "source {}",
                join_line(std::slice::from_ref(&self.source), TAB)
            ),
            format!(
                "eligible {}",
                join_line(std::slice::from_ref(&self.eligible), TAB)
            ),
            format!("current {}", self.current),
        ];
        for (p, pass) in self.passes.iter().enumerate() {
            lines.push(format!(
                "teller {p} {}",
                join_line(std::slice::from_ref(&pass.teller), TAB)
            ));
            lines.push(format!("ballots {p} {}", ballots_text(&pass.ballots)));
        }
        if let Some((p, why)) = &self.chosen {
            lines.push(format!(
                "chosen {p} {}",
                join_line(std::slice::from_ref(why), TAB)
            ));
        }
        lines.join("\n")
    }

    /// Reads [`Tally::to_text`]; `Err` names the line that does not read (from 1).
    pub fn from_text(text: &str) -> Result<Tally, usize> {
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l) != Some(HEADER) {
            return Err(1);
        }
        let mut tally = Tally::default();
        let one = |rest: &str| {
            split_line(rest, TAB)
                .filter(|v| v.len() == 1)
                .map(|mut v| v.remove(0).into_owned())
        };
        let pass = |rest: &str| -> Option<(usize, String)> {
            let (p, rest) = rest.split_once(' ').unwrap_or((rest, ""));
            let p: usize = p.parse().ok().filter(|p| *p < 2)?;
            Some((p, rest.to_owned()))
        };
        for (n, line) in lines {
            let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
            let read = match word {
                "org" => split_line(rest, TAB).and_then(|v| match v.as_slice() {
                    [row, name] => {
                        tally.row = row.parse().ok()?;
                        tally.name = name.to_string();
                        Some(())
                    }
                    _ => None,
                }),
                "source" => one(rest).map(|s| tally.source = s),
                "eligible" => one(rest).map(|s| tally.eligible = s),
                "current" => rest
                    .parse()
                    .ok()
                    .filter(|p| *p < 2)
                    .map(|p| tally.current = p),
                "teller" => {
                    pass(rest).and_then(|(p, r)| one(&r).map(|t| tally.passes[p].teller = t))
                }
                "ballots" => pass(rest).and_then(|(p, r)| {
                    let ballots = r
                        .split(',')
                        .filter(|b| !b.is_empty())
                        .map(|b| match b {
                            "x" => Some(Ballot::Void),
                            _ => b.parse().ok().filter(|l| *l < 64).map(Ballot::Level),
                        })
                        .collect::<Option<Vec<_>>>()?;
                    tally.passes[p].ballots = ballots;
                    Some(())
                }),
                "chosen" => {
                    pass(rest).and_then(|(p, r)| one(&r).map(|why| tally.chosen = Some((p, why))))
                }
                "" => Some(()),
                _ => None,
            };
            if read.is_none() {
                return Err(n + 1);
            }
        }
        Ok(tally)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEVELS: usize = 4;

    #[test]
    fn ballots_are_counted_by_level_the_void_apart_and_the_last_taken_back() {
        let mut t = Tally::new(0, "红星村党支部", "vote", "50");
        for b in [0, 0, 1, 3, 2, 0] {
            t.apply(Action::Ballot(Ballot::Level(b)));
        }
        t.apply(Action::Ballot(Ballot::Void));
        t.apply(Action::Ballot(Ballot::Level(1)));
        t.apply(Action::TakeBack);
        let Outcome::Kept(c) = t.outcome(LEVELS) else {
            panic!("one pass is kept as it is");
        };
        assert_eq!(c.levels, [3, 1, 1, 1]);
        assert_eq!((c.void, c.cast()), (1, 6));
    }

    #[test]
    fn a_second_pass_that_differs_keeps_nothing_until_one_is_chosen_with_a_reason() {
        let mut t = Tally::new(0, "A", "vote", "");
        for b in [0, 1, 1] {
            t.apply(Action::Ballot(Ballot::Level(b)));
        }
        t.apply(Action::Count(1));
        for b in [0, 1, 2] {
            t.apply(Action::Ballot(Ballot::Level(b)));
        }
        assert_eq!(t.outcome(LEVELS), Outcome::Differ(vec![1, 2]));
        // Chosen without a reason: still nothing kept.
        t.apply(Action::Choose(Some((0, " ".into()))));
        assert_eq!(t.outcome(LEVELS), Outcome::Differ(vec![1, 2]));
        t.apply(Action::Choose(Some((0, "第二遍误读一张".into()))));
        assert!(matches!(t.outcome(LEVELS), Outcome::Kept(c) if c.levels == [1, 2, 0, 0]));
        // The second teller corrects the last ballot: they agree, and the choice goes.
        t.apply(Action::TakeBack);
        t.apply(Action::Ballot(Ballot::Level(1)));
        assert!(matches!(t.outcome(LEVELS), Outcome::Kept(c) if c.levels == [1, 2, 0, 0]));
        assert_eq!(t.chosen, None);
    }

    #[test]
    fn a_tally_saved_reads_back_whole_and_a_damaged_line_is_named() {
        let mut t = Tally::new(3, "新村\t党支部", "vote", "48");
        t.apply(Action::SetTeller(0, "张三".into()));
        t.apply(Action::SetTeller(1, "李四".into()));
        t.apply(Action::Ballot(Ballot::Level(2)));
        t.apply(Action::Ballot(Ballot::Void));
        t.apply(Action::Count(1));
        t.apply(Action::Ballot(Ballot::Level(1)));
        t.apply(Action::Choose(Some((1, "复核".into()))));
        let text = t.to_text();
        assert_eq!(Tally::from_text(&text), Ok(t));
        let broken = text.replace("ballots 0 2,x", "ballots 0 2,y");
        assert_eq!(Tally::from_text(&broken), Err(7));
        assert_eq!(Tally::from_text("something else"), Err(1));
    }

    #[test]
    fn the_keys_are_1_to_n_for_the_valid_levels_and_0_for_dont_know() {
        let b = dingji_rules::presets::by_id("B").expect("B");
        let vote = scale(&b, "vote").expect("B's vote");
        assert_eq!(keys(vote), [Some('1'), Some('2'), Some('3'), Some('4')]);
        let mut with_unknown = vote.clone();
        with_unknown.levels[3].valid = false;
        assert_eq!(
            keys(&with_unknown),
            [Some('1'), Some('2'), Some('3'), Some('0')]
        );
    }
}

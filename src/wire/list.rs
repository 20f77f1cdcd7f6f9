//! The saved list (kept in the browser's database under `dingji.list.v1`, and what the worker
//! reads to explain a row): a line format of its own, versioned by its first line; the entries
//! by column key, so that a list saved under one form of a source reads back under it.
//!
//! ```text
//! dingji-list 1
//! scheme B
//! mode vote votes
//! cols name→category→score:committee→count:vote:0→…
//! row 红星村→村→92→30→…
//! ```
//!
//! A scheme that is not a preset (applied from the workshop) is saved whole instead of by its
//! id: `scheme-data <base64 of the presets' compact form>`. The 公示's own words, where the user
//! wrote any, are one line of key and value in turn: `publicity title→…→from→2026-12-01→…`.

use std::rc::Rc;

use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::{Lang, Scheme, map};

use super::Unreadable;
use super::codec::{TAB, join_line, push_line, split_line};
use super::columns::{Col, Modes, columns, default_modes};

/// The first line of a saved list.
pub const HEADER: &str = "dingji-list 1";

/// A list's settings, as saved with its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ListSettings {
    pub scheme: Rc<Scheme>,
    /// A scheme that is not a preset (made in the workshop), as saved: the presets' compact form,
    /// base64, written by the tools bundle and kept as it came.
    pub scheme_data: Option<Rc<str>>,
    pub lang: Lang,
    /// The form each source is entered in.
    pub modes: Modes,
    /// The start date of rectification (YYYY-MM-DD, empty if never set) and its months.
    pub rectify_from: String,
    pub rectify_months: u32,
    /// The 公示's own words and the forms' heading.
    pub publicity: PublicityText,
}

/// What the user writes on the 公示 and the meeting's forms: each empty until written (the
/// notice then says what it says without it). Kept with the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicityText {
    /// The notice's title in full; empty: 「{committee}{year}年度基层党组织分类定级结果公示」.
    pub title: String,
    /// Who posts it (中共××镇委员会): in the title, the forms' headings and the 落款.
    pub committee: String,
    /// The year graded (2026).
    pub year: String,
    /// The 公示期, its first and last day (YYYY-MM-DD).
    pub from: String,
    pub to: String,
    /// 监督电话.
    pub phone: String,
    /// Where objections go (如有异议，请于公示期内向镇党委组织办反映).
    pub feedback: String,
    /// The 落款's date (YYYY-MM-DD).
    pub signed_on: String,
    /// Whether the public notice says which grades the committee set (off by default: the
    /// internal export says it either way).
    pub show_overrides: bool,
}

impl PublicityText {
    /// The fields by key, as saved; `show_overrides` as "1" or "".
    const KEYS: [&str; 9] = [
        "title",
        "committee",
        "year",
        "from",
        "to",
        "phone",
        "feedback",
        "signed-on",
        "overrides",
    ];

    fn field(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "title" => &mut self.title,
            "committee" => &mut self.committee,
            "year" => &mut self.year,
            "from" => &mut self.from,
            "to" => &mut self.to,
            "phone" => &mut self.phone,
            "feedback" => &mut self.feedback,
            "signed-on" => &mut self.signed_on,
            _ => return None,
        })
    }

    /// The words as one line's value: key and value in turn, the empty ones left out.
    pub fn to_field(&self) -> String {
        let mut me = self.clone();
        let mut tokens = Vec::new();
        for key in Self::KEYS {
            let value = match me.field(key) {
                Some(v) => std::mem::take(v),
                None if self.show_overrides => "1".to_owned(),
                None => String::new(),
            };
            if !value.is_empty() {
                tokens.extend([key.to_owned(), value]);
            }
        }
        join_line(&tokens, TAB)
    }

    /// Reads [`PublicityText::to_field`]'s value; a key it does not know is passed over (a later
    /// build's field), a key without its value is not read.
    pub fn from_field(text: &str) -> Option<PublicityText> {
        let mut me = PublicityText::default();
        if text.is_empty() {
            return Some(me);
        }
        let tokens = split_line(text, TAB)?;
        if tokens.len() % 2 != 0 {
            return None;
        }
        for pair in tokens.chunks(2) {
            let (key, value) = (&*pair[0], &*pair[1]);
            match me.field(key) {
                Some(slot) => value.clone_into(slot),
                None if key == "overrides" => me.show_overrides = value == "1",
                None => {}
            }
        }
        Some(me)
    }

    /// Whether nothing was written (the line is then not saved).
    pub fn is_empty(&self) -> bool {
        *self == PublicityText::default()
    }
}

/// A list as saved: its settings and the organizations' entries, in list order.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedList {
    pub settings: ListSettings,
    pub drafts: Vec<OrgDraft>,
}

/// A new row's draft under `scheme`: every source in the list's form.
pub fn blank(scheme: &Scheme, modes: &Modes) -> OrgDraft {
    let mut draft = OrgDraft::for_scheme(scheme);
    for (source, mode) in modes {
        map::entry(&mut draft.inputs, source).mode = *mode;
    }
    draft
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Score => "score",
        Mode::Indicators => "indicators",
        Mode::Votes => "votes",
    }
}

/// The columns to save: the list's own, then every other one a draft has an entry in — a source
/// entered in another form before (ballots under a score), a source or veto of a scheme the
/// list was under before — so that the saved list keeps everything the user typed.
fn kept_columns<'a>(list: &ListSettings, drafts: impl Iterator<Item = &'a OrgDraft>) -> Vec<Col> {
    let mut cols = columns(&list.scheme, &list.modes);
    let mut keep = |col: Col| {
        if !cols.contains(&col) {
            cols.push(col);
        }
    };
    for draft in drafts {
        for (source, entry) in &draft.inputs {
            if !entry.score.trim().is_empty() {
                keep(Col::Score(source.clone()));
            }
            for (level, count) in entry.counts.iter().enumerate() {
                if !count.trim().is_empty() && level < super::columns::MAX_LEVELS {
                    keep(Col::Count(source.clone(), level));
                }
            }
            if !entry.eligible.trim().is_empty() {
                keep(Col::Eligible(source.clone()));
            }
            for (indicator, text) in &entry.indicators {
                if !text.trim().is_empty() {
                    keep(Col::Indicator(source.clone(), indicator.clone()));
                }
            }
        }
        for veto in &draft.vetoes {
            keep(Col::Veto(veto.clone()));
        }
    }
    cols
}

/// The list as text: its settings, then each of `drafts` as a row (every entry it has).
pub fn to_text<'a>(
    list: &ListSettings,
    drafts: impl Iterator<Item = &'a OrgDraft> + Clone,
) -> String {
    // Each part written by one copy of its code, whatever the drafts are taken from.
    let mut writing = Writing::new(list, &mut drafts.clone());
    writing.rows(&mut { drafts });
    writing.done()
}

/// The list as text written a few rows at a time ([`Writing::rows`]): a page saving a province's
/// list answers between the parts.
pub struct Writing {
    out: String,
    cols: Vec<Col>,
    scheme: Rc<Scheme>,
}

impl Writing {
    /// The text of the list's settings and columns: every column an entry of `drafts` is in.
    pub fn new(list: &ListSettings, drafts: &mut dyn Iterator<Item = &OrgDraft>) -> Writing {
        let cols = kept_columns(list, drafts);
        // A preset by its id; any other scheme (made in the workshop) whole, as it came.
        let scheme = match &list.scheme_data {
            Some(data) => format!("scheme-data {data}"),
            None => format!("scheme {}", list.scheme.id),
        };
        let mut lines = vec![HEADER.to_owned(), scheme];
        lines.push(format!(
            "lang {}",
            if list.lang == Lang::En { "en" } else { "zh" }
        ));
        for (source, mode) in &list.modes {
            lines.push(format!("mode {source} {}", mode_name(*mode)));
        }
        if !list.rectify_from.is_empty() {
            lines.push(format!(
                "rectify {} {}",
                list.rectify_from, list.rectify_months
            ));
        }
        if !list.publicity.is_empty() {
            lines.push(format!("publicity {}", list.publicity.to_field()));
        }
        lines.push(format!(
            "cols {}",
            join_line(&cols.iter().map(Col::key).collect::<Vec<_>>(), TAB)
        ));
        Writing {
            out: lines.join("\n"),
            cols,
            scheme: list.scheme.clone(),
        }
    }

    /// Writes `drafts` as the next rows: straight into the text, each cell lent by its draft.
    pub fn rows(&mut self, drafts: &mut dyn Iterator<Item = &OrgDraft>) {
        for draft in drafts {
            self.out.push_str("\nrow ");
            push_line(
                &mut self.out,
                self.cols.iter().map(|c| c.get(draft, &self.scheme)),
                TAB,
            );
        }
    }

    /// The text written.
    pub fn done(self) -> String {
        self.out
    }
}

/// Whether `text` is a day of a year people grade in: `YYYY-MM-DD`, 1949 to 2200.
fn is_date(text: &str) -> bool {
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let number = |t: &str, len: usize| {
        (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return false;
    };
    (1949..=2200).contains(&y) && (1..=days_in_month(i32::try_from(y).unwrap_or(0), m)).contains(&d)
}

/// The days of `month` (1–12) of `year`; 0 for a month that is not one.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// Reads a saved list, naming the line that could not be read.
pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<SavedList, Unreadable> {
    let mut reading = Reading::new(text)?;
    while !reading.step(schemes, usize::MAX)? {}
    reading.done()
}

/// A saved list read a few lines at a time ([`Reading::step`]): a page reading a province's
/// list answers between the steps and shows how far it is.
pub struct Reading<'t> {
    text: &'t str,
    lines: std::iter::Enumerate<std::str::Lines<'t>>,
    /// Where the lines not yet read start, in bytes of `text`.
    at: usize,
    list: Option<ListSettings>,
    drafts: Vec<OrgDraft>,
    cols: Vec<Col>,
}

impl<'t> Reading<'t> {
    /// Starts reading `text`: its first line says it is a saved list of this version.
    pub fn new(text: &'t str) -> Result<Reading<'t>, Unreadable> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, HEADER)) => {}
            Some((_, other)) if other.starts_with("dingji-list ") => {
                return Err(Unreadable::Version { reads: HEADER });
            }
            _ => return Err(Unreadable::NotOurs(super::SavedForm::List)),
        }
        Ok(Reading {
            text,
            lines,
            at: 0,
            list: None,
            drafts: Vec::new(),
            cols: Vec::new(),
        })
    }

    /// How much of the text has been read, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        self.at as f64 / self.text.len().max(1) as f64
    }

    /// Reads at most `most` more lines; `true` when the text is read to its end.
    pub fn step(&mut self, schemes: &[Rc<Scheme>], most: usize) -> Result<bool, Unreadable> {
        for _ in 0..most {
            let Some((n, line)) = self.lines.next() else {
                self.at = self.text.len();
                return Ok(true);
            };
            // The line's end, in the text it was cut from.
            self.at = line.as_ptr() as usize - self.text.as_ptr() as usize + line.len();
            self.line(n, line, schemes)?;
        }
        Ok(false)
    }

    /// The list read, once [`Reading::step`] has said it is at the end.
    pub fn done(self) -> Result<SavedList, Unreadable> {
        let settings = self.list.ok_or(Unreadable::NoSchemeLine)?;
        Ok(SavedList {
            settings,
            drafts: self.drafts,
        })
    }

    /// Reads line `n` (from 0).
    fn line(&mut self, n: usize, line: &str, schemes: &[Rc<Scheme>]) -> Result<(), Unreadable> {
        let bad = || Unreadable::Line { number: n + 1 };
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let settings = |scheme: Rc<Scheme>, scheme_data: Option<Rc<str>>| ListSettings {
            modes: default_modes(&scheme),
            scheme,
            scheme_data,
            lang: Lang::Zh,
            rectify_from: String::new(),
            rectify_months: 6,
            publicity: PublicityText::default(),
        };
        match (word, self.list.as_mut()) {
            ("scheme", None) => {
                let scheme = schemes
                    .iter()
                    .find(|s| s.id == rest)
                    .ok_or(Unreadable::NoScheme)?;
                self.list = Some(settings(scheme.clone(), None));
            }
            ("scheme-data", None) => {
                let scheme = super::schemes::read_scheme_data(rest)
                    .ok_or(Unreadable::SchemeData { number: n + 1 })?;
                self.list = Some(settings(Rc::new(scheme), Some(rest.into())));
            }
            ("lang", Some(s)) => s.lang = Lang::of_code(rest),
            ("mode", Some(s)) => {
                let (source, mode) = rest.split_once(' ').ok_or_else(bad)?;
                let mode = match mode {
                    "score" => Mode::Score,
                    "indicators" => Mode::Indicators,
                    "votes" => Mode::Votes,
                    _ => return Err(bad()),
                };
                map::insert(&mut s.modes, source, mode);
            }
            ("rectify", Some(s)) => {
                // A rectification period is 6 to 12 months, from a real day (or none yet).
                let (from, months) = rest.split_once(' ').ok_or_else(bad)?;
                if !from.is_empty() && !is_date(from) {
                    return Err(bad());
                }
                s.rectify_from = from.to_owned();
                s.rectify_months = months
                    .parse()
                    .ok()
                    .filter(|m| (6..=12).contains(m))
                    .ok_or_else(bad)?;
            }
            ("publicity", Some(s)) => {
                s.publicity = PublicityText::from_field(rest).ok_or_else(bad)?;
            }
            ("cols", Some(_)) => {
                self.cols = split_line(rest, TAB)
                    .ok_or_else(bad)?
                    .iter()
                    .map(|k| Col::from_key(k).ok_or_else(bad))
                    .collect::<Result<_, _>>()?;
            }
            ("row", Some(s)) => {
                let cells = split_line(rest, TAB).ok_or_else(bad)?;
                let mut draft = blank(&s.scheme, &s.modes);
                for (col, text) in self.cols.iter().zip(&cells) {
                    col.set(&mut draft, &s.scheme, &s.modes, text)
                        .map_err(|_| bad())?;
                }
                self.drafts.push(draft);
            }
            ("", _) => {}
            _ => return Err(bad()),
        }
        Ok(())
    }
}

/// `date` (YYYY-MM-DD) plus `months`, the day kept where the month has it (else its last day).
pub fn add_months(date: &str, months: u32) -> Option<String> {
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let total = (month - 1) + months;
    let (year, month) = (year + i32::try_from(total / 12).ok()?, total % 12 + 1);
    let last = days_in_month(year, month);
    Some(format!("{year:04}-{month:02}-{:02}", day.min(last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_as_a_calendar_does() {
        assert_eq!(add_months("2026-12-01", 6).as_deref(), Some("2027-06-01"));
        assert_eq!(add_months("2026-08-31", 6).as_deref(), Some("2027-02-28"));
        assert_eq!(add_months("2027-08-31", 6).as_deref(), Some("2028-02-29"));
        assert_eq!(add_months("2026-01-15", 12).as_deref(), Some("2027-01-15"));
        assert_eq!(add_months("2026-13-01", 6), None);
    }
}

//! The saved list (local storage `dingji.list.v1`): a line format of its own, versioned by its
//! first line; the entries by column key, so that a list saved under one form of a source reads
//! back under it.
//!
//! ```text
//! dingji-list 1
//! scheme B
//! mode vote votes
//! cols name→category→score:committee→count:vote:0→…
//! row 红星村→村→92→30→…
//! ```

use std::rc::Rc;

use dingji_rules::draft::Mode;
use dingji_rules::{Lang, Scheme, map};

use super::columns::Col;
use super::files::{join_line, split_line};
use super::state::{ListState, Row};

/// The first line of a saved list.
pub const HEADER: &str = "dingji-list 1";

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Score => "score",
        Mode::Indicators => "indicators",
        Mode::Votes => "votes",
    }
}

/// The list as text.
pub fn to_text(state: &ListState) -> String {
    let cols = state.columns();
    let mut lines = vec![HEADER.to_owned(), format!("scheme {}", state.scheme.id)];
    lines.push(format!(
        "lang {}",
        if state.lang == Lang::En { "en" } else { "zh" }
    ));
    for (source, mode) in &state.modes {
        lines.push(format!("mode {source} {}", mode_name(*mode)));
    }
    if !state.rectify_from.is_empty() {
        lines.push(format!(
            "rectify {} {}",
            state.rectify_from, state.rectify_months
        ));
    }
    lines.push(format!(
        "cols {}",
        join_line(&cols.iter().map(Col::key).collect::<Vec<_>>())
    ));
    for row in state.rows.iter() {
        let cells: Vec<String> = cols
            .iter()
            .map(|c| c.get(&row.draft, &state.scheme))
            .collect();
        lines.push(format!("row {}", join_line(&cells)));
    }
    lines.join("\n")
}

/// Reads a saved list, naming the line that could not be read.
pub fn from_text(text: &str, schemes: &[Rc<Scheme>]) -> Result<ListState, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, HEADER)) => {}
        Some((_, other)) if other.starts_with("dingji-list ") => {
            return Err(format!("版本“{other}”不是本程序能读取的“{HEADER}”"));
        }
        _ => return Err("不是本程序保存的名单".to_owned()),
    }
    let mut state: Option<ListState> = None;
    let mut cols: Vec<Col> = Vec::new();
    for (n, line) in lines {
        let bad = || format!("第 {} 行无法读取", n + 1);
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match (word, state.as_mut()) {
            ("scheme", None) => {
                let scheme = schemes
                    .iter()
                    .find(|s| s.id == rest)
                    .ok_or_else(|| format!("没有编号为「{rest}」的方案"))?;
                state = Some(ListState::new(scheme.clone()));
            }
            ("lang", Some(s)) => s.lang = if rest == "en" { Lang::En } else { Lang::Zh },
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
                let (from, months) = rest.split_once(' ').ok_or_else(bad)?;
                s.rectify_from = from.to_owned();
                s.rectify_months = months.parse().map_err(|_| bad())?;
            }
            ("cols", Some(_)) => {
                cols = split_line(rest)
                    .ok_or_else(bad)?
                    .iter()
                    .map(|k| Col::from_key(k).ok_or_else(bad))
                    .collect::<Result<_, _>>()?;
            }
            ("row", Some(s)) => {
                let cells = split_line(rest).ok_or_else(bad)?;
                let mut draft = s.blank();
                for (col, text) in cols.iter().zip(&cells) {
                    col.set(&mut draft, &s.scheme, &s.modes, text)
                        .map_err(|why| format!("{}：{why}", bad()))?;
                }
                let id = s.next_id;
                s.next_id += 1;
                Rc::make_mut(&mut s.rows).push(Rc::new(Row::new(id, draft, &s.scheme)));
            }
            ("", _) => {}
            _ => return Err(bad()),
        }
    }
    state.ok_or_else(|| "保存的名单缺少方案".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list::state::{Action, ListState};
    use yew::Reducible;

    #[test]
    fn a_saved_list_reads_back_the_same() {
        let schemes: Vec<Rc<Scheme>> = dingji_rules::presets::all()
            .into_iter()
            .map(Rc::new)
            .collect();
        let b = schemes[0].clone();
        let mut state = Rc::new(ListState::new(b));
        for _ in 0..2 {
            state = state.reduce(Action::AddRow);
        }
        let cols = state.columns();
        for (i, text) in ["红星村\t一组", "村", "92", "30"].iter().enumerate() {
            state = state.reduce(Action::SetCell {
                row: 0,
                col: cols[i].clone(),
                text: (*text).into(),
            });
        }
        let text = to_text(&state);
        let back = from_text(&text, &schemes).unwrap();
        assert_eq!(back.rows.len(), 2);
        assert_eq!(back.rows[0].draft, state.rows[0].draft);
        assert_eq!(to_text(&back), text);
        assert_eq!(
            from_text("dingji-list 7", &schemes).err().unwrap(),
            "版本“dingji-list 7”不是本程序能读取的“dingji-list 1”"
        );
    }
}

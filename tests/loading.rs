//! A long list taken in a part at a time (`list::loading`): opened from its saved text or
//! imported, it is the same list, graded the same, as one read at once; the progress it reports
//! only goes forward, through each stage, to the end.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use dingji::list::derive::{GradeCache, grade, grade_with};
use dingji::list::loading::{self, Progress, Stage, Steps};
use dingji::list::persist;
use dingji::list::state::{Action, ListState};
use dingji_rules::Scheme;
use futures::executor::block_on;
use yew::Reducible;

mod common;
use common::imported_under;

fn schemes() -> Vec<Rc<Scheme>> {
    dingji_rules::presets::all()
        .into_iter()
        .map(Rc::new)
        .collect()
}

/// A list of `n` organizations as a clerk's CSV under preset B: a few rows that do not read
/// (a score left blank), names that repeat, scores spread over every tier.
fn list(n: usize) -> Rc<ListState> {
    let mut csv = String::from("单位名称,类别,党委评定,党员群众测评,自我评价\n");
    for i in 0..n {
        let committee = if i % 97 == 13 {
            String::new()
        } else {
            format!("{}.{}", 55 + i * 7 % 45, i % 10)
        };
        csv.push_str(&format!(
            "第{}党支部,{},{committee},{},{}\n",
            i % 400,
            ["村", "社区", "机关"][i % 3],
            60 + i * 13 % 40,
            70 + i * 3 % 30,
        ));
    }
    imported_under(Rc::new(dingji_rules::presets::by_id("B").unwrap()), &csv)
}

/// The reports, in order.
fn recorder() -> (Rc<RefCell<Vec<Progress>>>, impl Fn(Progress)) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    (seen, move |p| s.borrow_mut().push(p))
}

fn forward_through_every_stage(seen: &[Progress]) {
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{seen:?}");
    for stage in [Stage::Read, Stage::Grade] {
        assert!(
            seen.iter().any(|p| p.stage == stage),
            "no {stage:?} in {seen:?}"
        );
    }
    assert_eq!(seen.last().map(|p| p.percent()), Some(100));
}

#[test]
fn a_list_opened_a_part_at_a_time_is_the_list_saved_and_grades_as_one_read_at_once() {
    let saved = list(1_000);
    let text = persist::to_text(&saved);
    let (seen, report) = recorder();
    let (opened, cache) =
        block_on(persist::open(&text, &schemes(), &Steps::every(37, &report))).unwrap();
    let at_once = persist::from_text(&text, &schemes()).unwrap();
    assert_eq!(opened.rows, at_once.rows);
    assert_eq!(opened.next_id, 1_001);
    assert_eq!(persist::to_text(&opened), text);
    // Its cache holds the rows graded alone: the list graded with it is the list graded from
    // nothing.
    let mut cache = cache;
    assert_eq!(grade_with(&opened, &mut cache), grade(&at_once));
    // 1,000 rows in steps of 37: each stage said 27 times or more.
    forward_through_every_stage(&seen.borrow());
    assert!(seen.borrow().len() >= 2 * 27, "{}", seen.borrow().len());
}

#[test]
fn a_saved_list_that_does_not_read_names_the_same_line_read_in_steps() {
    let text = persist::to_text(&list(200));
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.len() - 50;
    lines[at] = "row\t\"unclosed";
    let broken = lines.join("\n");
    let (_, report) = recorder();
    let stepped = block_on(persist::open(
        &broken,
        &schemes(),
        &Steps::every(7, &report),
    ));
    let at_once = persist::from_text(&broken, &schemes());
    let (Err(stepped), Err(at_once)) = (stepped, at_once) else {
        panic!("the broken line read");
    };
    assert_eq!(stepped, at_once);
    assert_eq!(stepped.to_string(), at_once.to_string());
    assert!(
        stepped.to_string().contains(&(at + 1).to_string()),
        "{stepped}"
    );
}

#[test]
fn an_import_taken_in_steps_replaces_or_appends_as_the_import_read_at_once() {
    let before = list(300);
    let imported = list(500);
    let text = persist::to_text(&imported);
    let drafts: Vec<_> = imported.rows.iter().map(|r| r.draft.clone()).collect();
    for append in [false, true] {
        let cache = RefCell::new(GradeCache::default());
        let (seen, report) = recorder();
        let action = block_on(loading::import(
            &text,
            append,
            &before,
            &schemes(),
            &cache,
            &Steps::every(50, &report),
        ))
        .unwrap();
        let stepped = before.clone().reduce(action);
        let at_once = before.clone().reduce(Action::Import {
            drafts: drafts.clone(),
            append,
            modes: imported.modes.clone(),
        });
        assert_eq!(stepped.rows, at_once.rows, "append {append}");
        assert_eq!(stepped.rows.len(), if append { 800 } else { 500 });
        assert_eq!(stepped.next_id, at_once.next_id);
        assert_eq!(stepped.notice, at_once.notice);
        // One step of history: undo brings back the list before.
        assert_eq!(stepped.clone().reduce(Action::Undo).rows, before.rows);
        let mut cache = cache.into_inner();
        assert_eq!(grade_with(&stepped, &mut cache), grade(&at_once));
        forward_through_every_stage(&seen.borrow());
    }
}

#[test]
fn an_import_read_while_another_windows_list_came_in_is_numbered_after_it() {
    let before = list(100);
    let forty = list(40);
    let text = persist::to_text(&forty);
    let cache = RefCell::new(GradeCache::default());
    let action = block_on(loading::import(
        &text,
        true,
        &before,
        &schemes(),
        &cache,
        &Steps::at_once(),
    ))
    .unwrap();
    // Meanwhile another window saved a list of 120 rows: this one shows it, its ids past the old.
    let other = persist::from_text(&persist::to_text(&list(120)), &schemes()).unwrap();
    let now = before.clone().reduce(Action::Reload(Box::new(other)));
    let after = now.clone().reduce(action);
    assert_eq!(after.rows.len(), 160);
    let mut ids: Vec<u64> = after.rows.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 160, "every row keeps an id of its own");
    assert_eq!(after.next_id, now.next_id + 40);
    let drafts = |rows: &[Rc<dingji::list::state::Row>]| -> Vec<_> {
        rows.iter().map(|r| r.draft.clone()).collect()
    };
    assert_eq!(drafts(&after.rows[120..]), drafts(&forty.rows));
    assert_eq!(drafts(&after.rows[..120]), drafts(&now.rows));
}

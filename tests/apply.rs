//! A scheme applied to a list from the workshop, native: its consequences said first (a category
//! the scheme lacks, a source and a ballot level it does not use, ballots read by level in
//! order), each category word mapped as on import, the list graded by hand under it, and 撤销
//! taking it back.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers

use std::rc::Rc;

use dingji::list::derive::{RowResult, grade};
use dingji::list::state::Action;
use dingji::tools::workshop::apply::{consequences, recategorized};
use dingji_rules::{Lang, Scheme, presets};
use yew::Reducible;

mod common;
use common::imported_under;

/// Scheme B as a township changed it: a 满意/基本满意/不满意 scale (100/70/0) for the same vote,
/// no self-assessment (党委评定 70%, the vote 30%), and no 机关 category.
fn changed() -> Scheme {
    let mut v = serde_json::to_value(presets::by_id("B").unwrap()).unwrap();
    v["id"] = "hx-b".into();
    v["name"] = serde_json::json!({ "zh": "某镇调整方案" });
    v["categories"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["id"] != "organ");
    let sources = v["sources"].as_array_mut().unwrap();
    sources.retain(|s| s["id"] != "self");
    sources[0]["weight"] = "70".into();
    sources[1]["input"]["vote"]["levels"] = serde_json::json!([
        { "name": { "zh": "满意" }, "points": "100" },
        { "name": { "zh": "基本满意" }, "points": "70" },
        { "name": { "zh": "不满意" }, "points": "0" },
    ]);
    Scheme::from_json(&v.to_string()).unwrap()
}

#[test]
fn applying_a_scheme_says_what_it_leaves_out_maps_categories_and_is_undone() {
    let b = Rc::new(presets::by_id("B").unwrap());
    let list = imported_under(
        b.clone(),
        "组织名称,分类,党委评定,好票,较好票,一般票,较差票,自评\r\n\
         红星村,村,92,30,15,4,1,95\r\n\
         镇机关,机关,88,20,20,8,2,90\r\n\
         幸福社区,社区,80,10,20,15,5,85\r\n",
    );
    let scheme = Rc::new(changed());
    let c = consequences(&list, &scheme, &[], Lang::Zh);
    assert_eq!(c.categories, [("机关".to_owned(), 1)]);
    assert_eq!(
        c.unused,
        [
            "「党员群众测评」的票数按顺序读入新方案的等级：好→满意、较好→基本满意、一般→不满意；“较差”票不使用（保留在名单中）",
            "「自评」：新方案没有这一评价主体，3 个组织的录入不使用（保留在名单中）",
        ]
    );
    assert!(c.ask());
    // 镇机关 has no category under the scheme until its word is mapped.
    assert_eq!((c.grading, c.total), (2, 3));
    let mapping = vec![("机关".to_owned(), "community".to_owned())];
    assert_eq!(consequences(&list, &scheme, &mapping, Lang::Zh).grading, 3);

    // Applied as the page applies the workshop's answer: one step.
    let answered = recategorized(&list, &mapping);
    let applied = list.clone().reduce(Action::Apply {
        scheme: scheme.clone(),
        data: dingji::wire::schemes::scheme_data(&scheme),
        categories: answered
            .rows
            .iter()
            .map(|r| r.draft.category.clone())
            .collect(),
    });
    assert_eq!(applied.scheme.id, "hx-b");
    // By hand: 70% 党委评定 + 30% vote, the ballots read in order (满意 30, 基本满意 15, 不满意 4;
    // the 较差 one not used): 红星村 (3000 + 1050 + 0) / 49 = 82.6530…; 64.4 + 24.7959… = 89.1959…
    // → 89.20 → 较好. 镇机关 (2000 + 1400) / 48 = 70.8333…; 61.6 + 21.25 = 82.85 → 较好.
    // 幸福社区 (1000 + 1400) / 45 = 53.3333…; 56 + 16 = 72.00 → 一般, the lowest of three: 较差.
    let graded = grade(&applied);
    let got: Vec<(String, String)> = (0..3)
        .map(|i| match graded.result(i) {
            RowResult::Ok(r) => (
                r.rounded.to_string(),
                applied.scheme.tier_name(r.tier, Lang::Zh).to_owned(),
            ),
            RowResult::Failed(why) => panic!("row {i}: {why}"),
            RowResult::Unread => panic!("row {i} unread"),
        })
        .collect();
    assert_eq!(
        got,
        [
            ("89.20".to_owned(), "较好".to_owned()),
            ("82.85".to_owned(), "较好".to_owned()),
            ("72.00".to_owned(), "较差".to_owned()),
        ]
    );
    // The self-assessment and the 较差 ballot stay in the list, and in the saved list.
    assert_eq!(applied.rows[0].draft.source("self").unwrap().score, "95");
    let saved = dingji::list::persist::to_text(&applied);
    let schemes = vec![b.clone()];
    let back = dingji::list::persist::from_text(&saved, &schemes).unwrap();
    assert_eq!(back.rows[0].draft.source("self").unwrap().score, "95");
    assert_eq!(back.rows[0].draft.source("vote").unwrap().counts[3], "1");

    // 撤销 brings back scheme B and 镇机关's category; 重做 applies it again.
    let undone = applied.clone().reduce(Action::Undo);
    assert_eq!(undone.scheme.id, "B");
    assert_eq!(undone.rows[1].draft.category, "机关");
    assert_eq!(undone.rows, list.rows);
    let redone = undone.reduce(Action::Redo);
    assert_eq!(redone.scheme.id, "hx-b");
    assert_eq!(redone.rows[1].draft.category, "community");
}

#[test]
fn a_vote_entered_as_a_score_stays_a_score_under_another_scale() {
    // The vote's score computed in the clerk's sheet: a scale named otherwise changes nothing of
    // it, so nothing is said about ballots and every row grades.
    let b = Rc::new(presets::by_id("B").unwrap());
    let list = imported_under(
        b,
        "组织名称,分类,党委评定,党员群众测评,自评\r\nP,社区,86,92,98\r\nQ,社区,96,90,80\r\n",
    );
    let scheme = Rc::new(changed());
    let c = consequences(&list, &scheme, &[], Lang::Zh);
    assert_eq!(
        c.unused,
        ["「自评」：新方案没有这一评价主体，2 个组织的录入不使用（保留在名单中）"]
    );
    assert_eq!((c.grading, c.total), (2, 2));
    let applied = list.reduce(Action::Apply {
        scheme: scheme.clone(),
        data: dingji::wire::schemes::scheme_data(&scheme),
        categories: vec!["社区".into(), "社区".into()],
    });
    // By hand: P 0.7 × 86 + 0.3 × 92 = 60.2 + 27.6 = 87.80; Q 67.2 + 27 = 94.20.
    let graded = grade(&applied);
    let composites: Vec<String> = (0..2)
        .map(|i| match graded.result(i) {
            RowResult::Ok(r) => r.rounded.to_string(),
            _ => panic!("row {i} not graded"),
        })
        .collect();
    assert_eq!(composites, ["87.80", "94.20"]);
}

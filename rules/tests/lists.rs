//! The list rules on lists computed by hand (domain.md readings 5, 6, 8 and 9): the 5% floor with
//! its ⌈⌉, the 20% five-star cap with its ⌊⌋, ties on a cut-off, per-category scopes, overrides,
//! ranks and the 汇总表.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

use std::str::FromStr;

use dingji_rules::list::QuotaRule;
use dingji_rules::{
    Decimal, Flag, Lang, ListResult, Org, Override, Scheme, SourceInput, evaluate_list, presets,
    summarize,
};

/// An organization whose every source scores `score`, so that its composite is `score`.
fn uniform(scheme: &Scheme, name: &str, category: &str, score: &str) -> Org {
    let score = Decimal::from_str(score).unwrap();
    Org {
        name: name.into(),
        category: category.into(),
        inputs: scheme
            .sources
            .iter()
            .map(|s| (s.id.clone(), SourceInput::Score(score)))
            .collect(),
        ..Org::default()
    }
}

/// "name tier stars [flags]" for every row.
fn lines(scheme: &Scheme, orgs: &[Org], list: &ListResult) -> Vec<String> {
    list.rows
        .iter()
        .zip(orgs)
        .map(|(r, o)| {
            let r = r.as_ref().unwrap();
            let stars = r
                .stars
                .map(|s| format!(" {}", scheme.star_name(s, Lang::Zh)))
                .unwrap_or_default();
            let flags: Vec<String> = r
                .flags
                .iter()
                .map(|f| match f {
                    Flag::MovedByFloor { tied, .. } => {
                        format!("floor{}", if *tied { "-tie" } else { "" })
                    }
                    Flag::MovedByTopCap { tied, .. } => {
                        format!("top-cap{}", if *tied { "-tie" } else { "" })
                    }
                    Flag::HeldByStarCap { tied, .. } => {
                        format!("star-cap{}", if *tied { "-tie" } else { "" })
                    }
                    Flag::Override { .. } => "override".into(),
                    Flag::AfterOverride { by, .. } => format!("after-override of {}", by.join("+")),
                    other => format!("{other:?}"),
                })
                .collect();
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", flags.join(","))
            };
            format!(
                "{} #{} {}{stars}{flags}",
                o.name,
                r.rank,
                scheme.tier_name(r.tier, Lang::Zh)
            )
        })
        .collect()
}

fn list_of(scheme: &Scheme, scores: &[&str]) -> Vec<Org> {
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| uniform(scheme, &format!("O{}", i + 1), "", s))
        .collect()
}

#[test]
fn twenty_one_organizations_need_two_poor_and_one_five_star() {
    let b = presets::by_id("B").unwrap();
    let orgs = list_of(
        &b,
        &[
            "95", "94", "93", "92", "91", "88", "87", "86", "85", "84", "83", "82", "81", "78",
            "76", "74", "72", "70", "68", "65", "62",
        ],
    );
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        lines(&b, &orgs, &list),
        [
            // 5 好: ⌊20% × 5⌋ = 1 五星, the highest; the others 四星.
            "O1 #1 好 五星",
            "O2 #2 好 四星 [star-cap]",
            "O3 #3 好 四星 [star-cap]",
            "O4 #4 好 四星 [star-cap]",
            "O5 #5 好 四星 [star-cap]",
            "O6 #6 较好 三星",
            "O7 #7 较好 三星",
            "O8 #8 较好 三星",
            "O9 #9 较好 三星",
            "O10 #10 较好 三星",
            "O11 #11 较好 三星",
            "O12 #12 较好 三星",
            "O13 #13 较好 三星",
            "O14 #14 一般 二星",
            "O15 #15 一般 二星",
            "O16 #16 一般 二星",
            "O17 #17 一般 二星",
            "O18 #18 一般 二星",
            "O19 #19 一般 一星",
            // None below 60, but ⌈5% × 21⌉ = 2 must be 较差: the two lowest move.
            "O20 #20 较差 不定星 [floor]",
            "O21 #21 较差 不定星 [floor]",
        ]
    );
    let floor = quota(&list, QuotaRule::MinLowest);
    assert_eq!(
        (floor.base, floor.limit, floor.before, floor.moved),
        (21, 2, 0, 2)
    );
    let stars = list
        .quotas
        .iter()
        .find(|q| q.rule == QuotaRule::StarCap)
        .unwrap();
    assert_eq!(
        (stars.base, stars.limit, stars.before, stars.moved),
        (5, 1, 5, 4)
    );
}

#[test]
fn the_floor_rounds_up_and_counts_who_is_already_poor() {
    let b = presets::by_id("B").unwrap();
    // N = 3 → ⌈0.15⌉ = 1; N = 20 → 1; N = 21 → 2 (domain.md reading 5).
    for (n, need) in [(3, 1), (20, 1), (21, 2)] {
        let scores: Vec<String> = (0..n).map(|i| format!("{}", 99 - i)).collect();
        let refs: Vec<&str> = scores.iter().map(String::as_str).collect();
        let list = evaluate_list(&b, &list_of(&b, &refs));
        let poor = list.graded().filter(|(_, r)| r.tier == 3).count();
        assert_eq!(poor, need, "N = {n}");
    }
    // One already below 60: nobody is moved.
    let orgs = list_of(&b, &["90", "80", "70", "55"]);
    let list = evaluate_list(&b, &orgs);
    assert!(list.graded().all(|(_, r)| {
        !r.flags
            .iter()
            .any(|f| matches!(f, Flag::MovedByFloor { .. }))
    }));
    let floor = quota(&list, QuotaRule::MinLowest);
    assert_eq!((floor.limit, floor.before, floor.moved), (1, 1, 0));
}

#[test]
fn everyone_tied_on_the_floor_cut_off_moves_and_is_flagged() {
    let b = presets::by_id("B").unwrap();
    let orgs = list_of(&b, &["90", "85", "61", "61", "75"]);
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        lines(&b, &orgs, &list),
        [
            "O1 #1 好 四星 [star-cap]",
            "O2 #2 较好 三星",
            "O3 #4 较差 不定星 [floor-tie]",
            "O4 #4 较差 不定星 [floor-tie]",
            "O5 #3 一般 二星",
        ]
    );
}

#[test]
fn a_tie_that_would_break_the_star_cap_keeps_both_at_four_stars() {
    let b = presets::by_id("B").unwrap();
    // 10 好 → ⌊20% × 10⌋ = 2 五星; the 2nd and 3rd tie at 98, so only the 1st keeps five stars.
    let mut scores = vec!["99", "98", "98", "97", "96", "95", "94", "93", "92", "91"];
    scores.push("40");
    let orgs = list_of(&b, &scores);
    let list = evaluate_list(&b, &orgs);
    let got = lines(&b, &orgs, &list);
    assert_eq!(got[0], "O1 #1 好 五星");
    assert_eq!(got[1], "O2 #2 好 四星 [star-cap-tie]");
    assert_eq!(got[2], "O3 #2 好 四星 [star-cap-tie]");
    assert_eq!(got[3], "O4 #4 好 四星 [star-cap]");
    assert_eq!(got[10], "O11 #11 较差 不定星");
}

#[test]
fn four_good_ones_give_no_five_star() {
    let b = presets::by_id("B").unwrap();
    let orgs = list_of(&b, &["99", "98", "97", "96", "50"]);
    let list = evaluate_list(&b, &orgs);
    assert!(list.graded().all(|(_, r)| r.stars != Some(5)));
}

#[test]
fn an_override_counts_at_its_tier_and_is_never_moved() {
    let b = presets::by_id("B").unwrap();
    let mut orgs = list_of(&b, &["95", "88", "84", "75", "70"]);
    // The committee grades O5 较差 itself: the 5% floor (⌈0.25⌉ = 1) is met, nobody else moves.
    orgs[4].override_ = Some(Override {
        tier: Some(3),
        stars: None,
        reason: "班子长期不团结".into(),
    });
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        lines(&b, &orgs, &list),
        // One 好 alone: ⌊20% × 1⌋ = 0 五星.
        [
            "O1 #1 好 四星 [star-cap]",
            "O2 #2 较好 三星",
            "O3 #3 较好 三星",
            "O4 #4 一般 二星",
            "O5 #5 较差 不定星 [override]"
        ]
    );
    // The committee keeps O5 一般: then the floor takes the lowest of the others, O4, and says
    // that O5's override moved it (issue 13: without it, O4 would be 一般 二星 and O5 较差); the
    // floor's count has the override apart.
    orgs[4].override_ = Some(Override {
        tier: Some(2),
        stars: None,
        reason: "整改成效明显".into(),
    });
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        lines(&b, &orgs, &list)[3],
        "O4 #4 较差 不定星 [floor,after-override of O5]"
    );
    assert_eq!(lines(&b, &orgs, &list)[4], "O5 #5 一般 二星 [override]");
    let o4 = list.rows[3].as_ref().unwrap();
    assert!(o4.flags.contains(&Flag::AfterOverride {
        tier: 2,
        stars: Some(2),
        by: vec!["O5".into()],
    }));
    let floor = quota(&list, QuotaRule::MinLowest);
    // ⌈5% × 5⌉ = 1: none 较差 by score, one kept out by the override, one moved in.
    assert_eq!(
        (floor.limit, floor.before, floor.overridden, floor.moved),
        (1, 0, 1, 1)
    );
    // O5 set 较差 by the committee, as the floor would have: nobody else moves, nothing is
    // counted apart.
    orgs[4].override_ = Some(Override {
        tier: Some(3),
        stars: None,
        reason: "班子长期不团结".into(),
    });
    let list = evaluate_list(&b, &orgs);
    assert!(list.rows.iter().flatten().all(|r| {
        !r.flags
            .iter()
            .any(|f| matches!(f, Flag::AfterOverride { .. }))
    }));
    assert!(list.quotas.iter().all(|q| q.overridden == 0));
    // An override without a reason is an error on its row, and the row is left out.
    orgs[4].override_ = Some(Override {
        tier: Some(2),
        stars: None,
        reason: String::new(),
    });
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        list.errors().next().unwrap().to_string(),
        "第 5 行「O5」：调整等次或星级须填写理由"
    );
}

#[test]
fn tianjin_counts_each_category_apart_and_caps_the_top() {
    let tj = presets::by_id("TJ").unwrap();
    let mut orgs = Vec::new();
    // 10 communities: ⌈10% × 10⌉ = 1 无星 needed.
    for i in 0..10 {
        orgs.push(uniform(
            &tj,
            &format!("社区{i}"),
            "community",
            &format!("{}", 96 - i * 3),
        ));
    }
    // 20 villages: ⌈5% × 20⌉ = 1.
    for i in 0..20 {
        orgs.push(uniform(
            &tj,
            &format!("村{i}"),
            "village",
            &format!("{}", 97 - i),
        ));
    }
    let list = evaluate_list(&tj, &orgs);
    let rows: Vec<_> = list.rows.iter().map(|r| r.as_ref().unwrap()).collect();
    // Communities 96, 93, …, 69: none below 60, the lowest (69, 二星) moves to 无星.
    assert_eq!(tj.tier_name(rows[9].tier, Lang::Zh), "无星");
    assert!(matches!(
        rows[9].flags[0],
        Flag::MovedByFloor {
            need: 1,
            group: 10,
            ..
        }
    ));
    // Villages 97 … 78: the lowest (78) moves.
    assert_eq!(tj.tier_name(rows[29].tier, Lang::Zh), "无星");
    // 五星 ≥ 95: 96 (community), 97, 96, 95 (villages) = 4 > ⌊10% × 30⌋ = 3 (counted over all 30):
    // the 95 moves down to 四星.
    let five: Vec<&str> = list
        .graded()
        .filter(|(_, r)| r.tier == 0)
        .map(|(i, _)| orgs[i].name.as_str())
        .collect();
    assert_eq!(five, ["社区0", "村0", "村1"]);
    assert!(matches!(
        rows[12].flags[..],
        [Flag::MovedByTopCap {
            allowed: 3,
            group: 30,
            tied: false
        }]
    ));
    assert_eq!(
        (tj.tier_name(rows[12].tier, Lang::Zh), rows[12].stars),
        ("四星", Some(4))
    );
}

#[test]
fn the_summary_counts_every_cell_and_each_row_sums_to_100_percent() {
    let b = presets::by_id("B").unwrap();
    let mut orgs = Vec::new();
    for (i, s) in ["95", "91", "85", "72", "66", "50"].iter().enumerate() {
        orgs.push(uniform(&b, &format!("村{i}"), "village", s));
    }
    for (i, s) in ["88", "81", "64"].iter().enumerate() {
        orgs.push(uniform(&b, &format!("社区{i}"), "community", s));
    }
    let list = evaluate_list(&b, &orgs);
    let summary = summarize(&b, &list);
    assert_eq!(summary.star_columns, [5, 4, 3, 2, 1, 0]);
    let village = &summary.rows[0];
    assert_eq!(village.tiers, [2, 1, 2, 1]);
    let shares: Vec<String> = village.tier_shares.iter().map(|d| d.to_string()).collect();
    // 2/6 = 33.33…, 1/6 = 16.66…: 33.3 + 16.7 + 33.3 + 16.7 = 100.0.
    assert_eq!(shares, ["33.3", "16.7", "33.3", "16.7"]);
    // 2 好 in all → ⌊20% × 2⌋ = 0 五星: both 四星.
    assert_eq!(village.stars, [0, 2, 1, 1, 1, 1]);
    let community = &summary.rows[1];
    assert_eq!(community.tiers, [0, 2, 1, 0]);
    assert_eq!(summary.total.count, 9);
    assert_eq!(summary.total.tiers, [2, 3, 3, 1]);
    // Each share correctly rounded, never bent to add up (issue 28): 2, 3, 3, 1 of 9 are
    // 22.22… → 22.2, 33.33… → 33.3, 33.3, 11.11… → 11.1, which add up to 99.9, and the summary
    // says a row does not add up.
    let total: Vec<String> = summary
        .total
        .tier_shares
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(total, ["22.2", "33.3", "33.3", "11.1"]);
    let sum: Decimal = summary.total.tier_shares.iter().sum();
    assert_eq!(sum.to_string(), "99.9");
    assert!(summary.rounded_off);
}

#[test]
fn a_bad_row_is_reported_by_row_and_left_out_of_the_quotas() {
    let b = presets::by_id("B").unwrap();
    let mut orgs = list_of(&b, &["95", "88", "84"]);
    orgs[1].inputs.retain(|(id, _)| id != "self");
    let list = evaluate_list(&b, &orgs);
    assert_eq!(
        list.errors().map(|e| e.to_string()).collect::<Vec<_>>(),
        ["第 2 行「O2」：「自评」未填写"]
    );
    let floor = quota(&list, QuotaRule::MinLowest);
    assert_eq!(floor.base, 2);
}

/// What `rule` counted over the whole list.
fn quota(list: &dingji_rules::ListResult, rule: QuotaRule) -> &dingji_rules::list::QuotaCount {
    list.quotas.iter().find(|q| q.rule == rule).unwrap()
}

//! Scheme validation (typed errors a clerk can act on) and the variants of real regional schemes
//! that the presets do not all use: bonus items with a cap, satisfaction caps, star limits.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

mod common;
use common::dec;
use dingji_rules::scheme::{Indicator, Limit, SatisfactionCap, Scoring};
use dingji_rules::{
    Decimal, Error, Flag, Lang, Org, Scheme, SourceInput, Text, evaluate, explain_org, presets,
};

fn error_of(scheme: &Scheme) -> String {
    scheme.validate().unwrap_err().to_string()
}

#[test]
fn a_broken_scheme_says_what_to_fix() {
    let mut b = presets::by_id("B").unwrap();
    b.sources[2].weight = dec("10");
    assert_eq!(error_of(&b), "各评价主体的权重之和应为 100%，现为 90%");

    let mut b = presets::by_id("B").unwrap();
    b.sources[1].id = "committee".into();
    assert_eq!(error_of(&b), "评价主体编号「committee」重复");

    let mut c = presets::by_id("C").unwrap();
    c.indicators[0].max = dec("10");
    assert_eq!(
        error_of(&c),
        "「村」各项指标分值之和（加分项除外）应为 100 分，现为 95 分"
    );

    let mut c = presets::by_id("C").unwrap();
    c.category_indicators
        .push(("harbour".into(), c.indicators.clone()));
    assert_eq!(error_of(&c), "方案中没有分类「harbour」");

    let mut b = presets::by_id("B").unwrap();
    b.satisfaction_caps.push(SatisfactionCap {
        source: "self".into(),
        below: dec("90"),
        limit: Limit::TierAtMost(2),
    });
    assert_eq!(error_of(&b), "方案中没有评价主体「self」");

    let mut b = presets::by_id("B").unwrap();
    b.tiers[3].min = Some(dec("10"));
    assert_eq!(
        error_of(&b),
        "等次「较差」的分数线设置有误：除最低等次外，每个等次都要有分数线"
    );

    let mut b = presets::by_id("B").unwrap();
    b.distribution.min_lowest.as_mut().unwrap().share = dec("120");
    assert_eq!(error_of(&b), "「最低等次比例」应在 0 到 100 之间，现为 120");

    // The English interface says it in English (issue 13), with the same numbers.
    let mut b = presets::by_id("B").unwrap();
    b.sources[2].weight = dec("10");
    assert_eq!(
        b.validate().unwrap_err().message(Lang::En),
        "The evaluators' weights should sum to 100%, not 90%"
    );
    let in_row = Error::OutOfRange {
        field: "Committee".into(),
        value: dec("101"),
        min: dec("0"),
        max: dec("100"),
    }
    .in_row(3, "O3");
    assert_eq!(
        in_row.message(Lang::En),
        "Row 3 \"O3\": \"Committee\" should be between 0 and 100, not 101"
    );
    assert_eq!(
        in_row.to_string(),
        "第 3 行「O3」：「Committee」应在 0 到 100 之间，现为 101"
    );
}

#[test]
fn bonus_items_lift_a_total_above_100_up_to_the_cap() {
    let mut c = presets::by_id("C").unwrap();
    c.indicators.push(Indicator {
        id: "bonus".into(),
        name: Text::new("加分项", "Bonus"),
        max: dec("5"),
        points: Text::default(),
        scoring: Scoring::Add,
        bonus: true,
        custom: true,
    });
    c.bonus_cap = Some(dec("3"));
    c.validate().unwrap();
    let mut entries: Vec<(String, Decimal)> =
        c.indicators.iter().map(|i| (i.id.clone(), i.max)).collect();
    let org = |entries: &Vec<(String, Decimal)>| Org {
        inputs: [(
            "committee".to_owned(),
            SourceInput::Indicators(entries.clone()),
        )]
        .into(),
        ..Org::default()
    };
    // Full marks and a bonus of 5: 100 + min(5, 3) = 103.
    let r = evaluate(&c, &org(&entries)).unwrap();
    assert_eq!(r.rounded.to_string(), "103.00");
    let (_, steps) = explain_org(&c, &org(&entries)).unwrap();
    let text = dingji_rules::explain::render_all(&c, &org(&entries), &steps, Lang::Zh).join("\n");
    assert!(
        text.contains("加分项 加分项 5/5；合计 103 分（加分 5 超过上限，按 3 计）"),
        "{text}"
    );
    // A bonus of 2 counts in full.
    dingji_rules::map::insert(&mut entries, "bonus", dec("2"));
    dingji_rules::map::insert(&mut entries, "results", dec("10"));
    assert_eq!(
        evaluate(&c, &org(&entries)).unwrap().rounded.to_string(),
        "92.00"
    );
}

fn b_with_satisfaction_caps() -> Scheme {
    let mut b = presets::by_id("B").unwrap();
    // A real variant: satisfaction (好 + 较好) below 90% → at best 一般; below 50% → 较差.
    b.satisfaction_caps = vec![
        SatisfactionCap {
            source: "vote".into(),
            below: dec("90"),
            limit: Limit::TierAtMost(2),
        },
        SatisfactionCap {
            source: "vote".into(),
            below: dec("50"),
            limit: Limit::ForceTier(3),
        },
    ];
    b.validate().unwrap();
    b
}

fn b_org(counts: [u64; 4]) -> Org {
    common::b_org(dec("98"), counts, dec("98"))
}

#[test]
fn satisfaction_caps_hold_the_tier_down() {
    let b = b_with_satisfaction_caps();
    // 45 of 50 = 90%: not below 90, no cap. 49 + 0.3·80.6 + 19.6 = 92.78 → 好.
    let r = evaluate(&b, &b_org([30, 15, 4, 1])).unwrap();
    assert_eq!(r.tier, 0);
    assert!(
        !r.flags
            .iter()
            .any(|f| matches!(f, Flag::SatisfactionCap { .. }))
    );
    // 44 of 50 = 88% < 90%: at best 一般, though the score says 好.
    let r = evaluate(&b, &b_org([29, 15, 5, 1])).unwrap();
    assert_eq!((r.score_tier, r.tier, r.stars), (0, 2, Some(2)));
    assert!(
        matches!(&r.flags[..], [Flag::SatisfactionCap { cap: 0, satisfaction }] if satisfaction.to_string() == "88")
    );
    let (_, steps) = explain_org(&b, &b_org([29, 15, 5, 1])).unwrap();
    let text =
        dingji_rules::explain::render_all(&b, &b_org([29, 15, 5, 1]), &steps, Lang::Zh).join("\n");
    assert!(
        text.contains("党员群众测评满意度 88% 低于 90% → 最高只能定为一般：好 → 一般"),
        "{text}"
    );
    // 20 of 50 = 40% < 50%: 较差.
    let r = evaluate(&b, &b_org([10, 10, 20, 10])).unwrap();
    assert_eq!(b.tier_name(r.tier, Lang::Zh), "较差");
}

#[test]
fn a_star_limit_lowers_the_stars_only() {
    let mut b = presets::by_id("B").unwrap();
    b.vetoes.push(dingji_rules::scheme::Veto {
        id: "late".into(),
        name: Text::new("未按时完成整改", "Rectification late"),
        limit: Limit::StarsAtMost(2),
    });
    b.validate().unwrap();
    let mut org = b_org([30, 15, 4, 1]);
    org.vetoes = vec!["late".into()];
    let r = evaluate(&b, &org).unwrap();
    assert_eq!((b.tier_name(r.tier, Lang::Zh), r.stars), ("好", Some(2)));
    // A veto the scheme does not have is an error, not ignored.
    org.vetoes = vec!["nope".into()];
    assert_eq!(
        evaluate(&b, &org).unwrap_err().to_string(),
        "方案中没有否决事项「nope」"
    );
}

#[test]
fn an_error_in_english_names_its_field_in_english_and_keeps_what_was_typed() {
    use dingji_rules::draft::{Field, OrgDraft};
    use dingji_rules::error::en_patterns;
    let a = presets::by_id("A").unwrap();
    let mut draft = OrgDraft::for_scheme(&a);
    draft.category = a.categories[0].id.clone();
    let members = draft.source_mut(&a, "members");
    // 较好 (level 1) typed as the source's own Chinese name; 应参加人数 not a number.
    members.counts = vec!["3".into(), "党员评".into()];
    members.eligible = "三十".into();
    let errors = draft.parse(&a).unwrap_err();
    let message = |field: &Field| {
        let e = errors.iter().find(|e| &e.field == field).unwrap();
        e.error
            .message_naming(en_patterns(), &field.names(&a, Lang::En))
    };
    let count = Field::Count {
        source: "members".into(),
        level: 1,
    };
    // presets/a-guizhou.json: 党员评 is "Members", its level 较好 "Fairly good"; the typed text
    // stays as it was typed.
    assert_eq!(
        message(&count),
        "\"Members · Fairly good\" should be a whole number of at least 0 (ballots), not \"党员评\""
    );
    let eligible = Field::Eligible {
        source: "members".into(),
    };
    assert!(message(&eligible).starts_with("\"Members · eligible voters\""));
    // In Chinese the names are the rules' own.
    let e = errors.iter().find(|e| e.field == count).unwrap();
    assert_eq!(
        e.error
            .message_naming(dingji_rules::error::ZH, &count.names(&a, Lang::Zh)),
        e.error.to_string()
    );
    assert!(e.error.to_string().starts_with("「党员评 · 较好」"));
    // Parsed in English, the same errors say the same as renamed at display time.
    let english = draft.parse_in(&a, Lang::En).unwrap_err();
    assert_eq!(english.len(), errors.len());
    for (en, zh) in english.iter().zip(&errors) {
        assert_eq!(en.field, zh.field);
        assert_eq!(en.error.message(Lang::En), message(&zh.field));
    }
}

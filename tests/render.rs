//! Component render tests, native: components rendered to HTML with yew's `ssr` feature, and the
//! text a user would read checked.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use dingji::App;
use dingji::calculator::derive::Calc;
use dingji::calculator::views::decimal_field::{DecimalFieldProps, decimal_field};
use dingji::calculator::views::explanation::{ExplanationProps, explanation};
use dingji::calculator::views::goal_list::{GoalListProps, goal_list};
use dingji::calculator::views::result_panel::{ResultPanelProps, result_panel};
use dingji::calculator::views::scheme_editor::{SchemeEditorProps, scheme_editor};
use dingji::calculator::views::vote_entry::{VoteEntryProps, vote_entry};
use dingji::wire::page::Edits;
use dingji_rules::draft::{Mode, OrgDraft, SourceDraft};
use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme, presets};
use yew::Callback;

mod common;
use common::{by_id, render, render_view, text};

fn b() -> Rc<Scheme> {
    Rc::new(presets::by_id("B").unwrap())
}

#[test]
fn the_page_opens_on_the_worked_example_with_its_result() {
    let html = render::<App>(());
    assert_eq!(by_id(&html, "composite"), "89.18");
    assert_eq!(by_id(&html, "tier"), "较好");
    assert_eq!(by_id(&html, "stars"), "三星");
    assert_eq!(by_id(&html, "confirmer"), "三星由县委评定");
    assert_eq!(
        by_id(&html, "formula"),
        "综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18"
    );
    assert_eq!(by_id(&html, "comparison"), "80 ≤ 89.18 < 90 → 较好");
    assert_eq!(by_id(&html, "vote-score-vote"), "80.60");
    assert_eq!(
        by_id(&html, "rounding"),
        "89.18 → 89.18（四舍五入到两位小数）"
    );
    // The working is loaded on demand (from the worker): a button offers it.
    assert_eq!(by_id(&html, "show-why"), "显示计算过程与晋级所需");
    assert!(!html.contains("id=\"steps\""));
    // Every preset is offered.
    for preset in presets::all() {
        assert!(
            html.contains(&format!("value=\"{}\"", preset.id)),
            "{}",
            preset.id
        );
    }
}

#[test]
fn the_vote_shows_rates_score_and_participation_as_typed() {
    let Some(SourceKind::Vote(scale)) = b().sources.get(1).map(|s| s.input.clone()) else {
        panic!()
    };
    let typed = SourceDraft {
        mode: Mode::Votes,
        counts: ["5", "3", "1", ""].map(String::from).to_vec(),
        eligible: "40".into(),
        ..SourceDraft::default()
    };
    // Read as the page reads it: once, with the organization's other entries (here, none).
    let mut draft = dingji_rules::draft::OrgDraft::default();
    *draft.source_mut(&b(), "vote") = typed.clone();
    let (_, votes) = draft.parse_shown(&b(), Lang::Zh);
    let html = render_view(vote_entry(&VoteEntryProps {
        lang: Lang::Zh,
        source: "vote",
        scale: &scale,
        draft: &typed,
        read: dingji_rules::map::get(&votes, "vote"),
        errors: &[],
        decimals: 2,
        dispatch: &Callback::noop(),
    }));
    assert_eq!(by_id(&html, "rate-vote-0"), "≈55.56%");
    assert_eq!(by_id(&html, "rate-vote-3"), "0%");
    assert_eq!(by_id(&html, "valid-vote"), "9");
    assert_eq!(by_id(&html, "vote-score-vote"), "≈78.89");
    assert!(
        text(&html).contains("⚠ 参加 9 人，应参加 40 人中至少 12 人"),
        "{}",
        text(&html)
    );
}

/// The scheme editor of preset B with `edits` that do not make a scheme, and their errors.
fn editor_with_errors(edits: &Edits) -> String {
    let base = b();
    let (edited, errors) = dingji::wire::page::edited_scheme(&base, edits, Lang::Zh);
    render_view(scheme_editor(&SchemeEditorProps {
        lang: Lang::Zh,
        base: &base,
        edited: &edited,
        edits,
        errors: Some(&errors),
        typed_weight: None,
        dispatch: &Callback::noop(),
        on_workshop: Callback::noop(),
    }))
}

#[test]
fn the_editor_marks_changes_and_names_a_bad_sum() {
    let edits = Edits {
        weights: vec![Some("60".into()), Some("30".into()), Some("0".into())],
        thresholds: Vec::new(),
    };
    let html = editor_with_errors(&edits);
    assert_eq!(by_id(&html, "weights-total"), "权重合计 90%");
    assert_eq!(
        by_id(&html, "weights-error"),
        "各评价主体的权重之和应为 100%，现为 90%"
    );
    // 党委评定 and 自评 changed, 测评 did not.
    assert_eq!(html.matches("modified-mark").count(), 2);
    assert!(
        !html.contains("id=\"reset-scheme\" disabled"),
        "reset is enabled when something changed"
    );
}

#[test]
fn weights_too_large_to_add_are_named_not_a_crash() {
    // A weight typed as Decimal's largest value, twice: no sum, each field named out of range.
    let huge = "79228162514264337593543950335".to_owned();
    let edits = Edits {
        weights: vec![Some(huge.clone()), Some(huge), Some("0".into())],
        thresholds: Vec::new(),
    };
    let html = editor_with_errors(&edits);
    assert_eq!(by_id(&html, "weights-total"), "权重合计 —%");
    assert!(html.contains("应在 0 到 100 之间，现为 79228162514264337593543950335"));
}

#[test]
fn thresholds_out_of_order_are_named_at_the_tier() {
    let edits = Edits {
        weights: Vec::new(),
        thresholds: vec![Some("90".into()), Some("95".into()), Some("60".into())],
    };
    let (edited, errors) = dingji::wire::page::edited_scheme(&b(), &edits, Lang::Zh);
    let html = render_view(scheme_editor(&SchemeEditorProps {
        lang: Lang::Zh,
        base: &b(),
        edited: &edited,
        edits: &edits,
        errors: Some(&errors),
        typed_weight: None,
        dispatch: &Callback::noop(),
        on_workshop: Callback::noop(),
    }));
    assert_eq!(
        by_id(&html, "threshold-1-error"),
        "等次「较好」的分数线 95 应低于上一等次的分数线 90（分数线须从高到低排列）"
    );
}

#[test]
fn an_out_of_date_result_says_so() {
    // English is a catalogue a page fetches when it is chosen; here it is taken in as the
    // bundles fetched on first use take it.
    dingji::shared::i18n::install_built_in();
    let mut draft = OrgDraft::for_scheme(&b());
    for (source, score) in [("committee", "92"), ("vote", "80.6"), ("self", "95")] {
        let d = draft.source_mut(&b(), source);
        d.mode = Mode::Score;
        d.score = score.into();
    }
    let calc = Calc::new(&b(), &Edits::default(), &draft, Lang::En);
    let html = render_view(result_panel(&ResultPanelProps {
        lang: Lang::En,
        outcome: calc.outcome.as_deref(),
        stale: true,
        missing: &[],
    }));
    assert_eq!(by_id(&html, "tier"), "Fairly good");
    assert_eq!(
        by_id(&html, "stale"),
        "Out of date: correct the marked inputs first. This is the last result."
    );
    assert!(html.contains("is-stale"));
}

#[test]
fn a_field_with_an_error_says_so_and_is_marked_invalid() {
    let html = render_view(decimal_field(&DecimalFieldProps {
        id: "score-self".into(),
        label: "自评".into(),
        value: "abc".into(),
        hint: "百分制".into(),
        placeholder: "".into(),
        suffix: "".into(),
        inputmode: "decimal".into(),
        error: Some("「自评」不是数字：“abc”。请输入如 89.5 的数字".into()),
        class: Default::default(),
        on_input: Callback::noop(),
        required: true,
    }));
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(
        html.contains(r#"aria-describedby="score-self-hint score-self-error""#),
        "{html}"
    );
    assert_eq!(
        by_id(&html, "score-self-error"),
        "「自评」不是数字：“abc”。请输入如 89.5 的数字"
    );
}

#[test]
fn the_working_and_the_goals_read_as_a_committee_computes_them() {
    let b = b();
    let mut draft = OrgDraft::for_scheme(&b);
    draft.source_mut(&b, "committee").score = "92".into();
    draft.source_mut(&b, "self").score = "95".into();
    draft.source_mut(&b, "vote").counts = ["30", "15", "4", "1"].map(String::from).to_vec();
    let calc = Calc::new(&b, &Edits::default(), &draft, Lang::Zh);
    let o = calc.outcome.as_deref().unwrap();
    let explained = dingji::worker::explain::explained(&o.scheme, &o.org, &o.result, Lang::Zh);
    let html = render_view(explanation(&ExplanationProps {
        lang: Lang::Zh,
        explained: &explained,
    }));
    let steps = by_id(&html, "steps");
    assert!(
        steps.contains(
            "得分 = 100 × 60% + 60 × 30% + 30 × 8% + 10 × 2% = 60 + 18 + 2.4 + 0.2 = 80.6"
        ),
        "{steps}"
    );
    assert!(steps.contains("较好 → 三星 三星由县委评定"), "{steps}");
    let html = render_view(goal_list(&GoalListProps {
        lang: Lang::Zh,
        explained: &explained,
    }));
    assert_eq!(
        by_id(&html, "goals-title-text"),
        "要达到“好”，在其他各项不变时："
    );
    let goals = by_id(&html, "goals");
    assert!(
        goals.contains("党委评定： 至少 93.63 分（现为 92.00）"),
        "{goals}"
    );
    assert!(
        goals.contains("党员群众测评： 再多 9 张“好”票（测评得分升至 ≈83.56）"),
        "{goals}"
    );
    assert!(
        goals.contains("自评： 至少 99.08 分（现为 95.00）"),
        "{goals}"
    );
}

#[test]
fn a_threshold_moved_close_to_the_next_keeps_every_label_apart_and_every_tier_named() {
    use dingji::calculator::views::number_line::{NumberLineProps, number_line};
    // 较好 moved to 88, two points under 好 at 90 (issue 27): "88" ends at its line and "90"
    // starts at its, and 较好, whose segment cannot hold its name, is written under the axis.
    let mut scheme = (*b()).clone();
    scheme.tiers[1].min = Some("88".parse().unwrap());
    let html = render_view(number_line(&NumberLineProps {
        lang: Lang::Zh,
        scheme: &scheme,
        score: Some("89.18".parse().unwrap()),
        baseline: None,
    }));
    assert!(
        html.contains(r#"text-anchor="end" class="tick-label">88</text>"#),
        "88 ends at its line: {html}"
    );
    assert!(
        html.contains(r#"text-anchor="start" class="tick-label">90</text>"#),
        "90 starts at its line: {html}"
    );
    assert!(
        html.contains(r#"class="segment-label small below""#) && text(&html).contains("较好"),
        "较好 is written under the axis: {html}"
    );
    // Under the preset as it is, every name fits in its segment and no label is moved.
    let html = render_view(number_line(&NumberLineProps {
        lang: Lang::Zh,
        scheme: &b(),
        score: Some("89.18".parse().unwrap()),
        baseline: None,
    }));
    assert!(
        !html.contains("below") && !html.contains(r#"text-anchor="end""#),
        "{html}"
    );
}

#[test]
fn a_typed_weight_that_breaks_the_total_offers_the_others_balanced_in_one_click() {
    use dingji::calculator::state::{Action, AppState};
    use yew::Reducible;
    // The vote typed as 40 under B: 50 + 40 + 20 = 110. By hand, 党委评定 and 自评 (50 : 20)
    // share the other 60: 60 × 50/70 = 42.857… → 42.86 and 60 × 20/70 = 17.142… → 17.14.
    let state = Rc::new(AppState::default()).reduce(Action::SetWeight {
        index: 1,
        text: "40".into(),
    });
    let (edited, errors) = dingji::wire::page::edited_scheme(&b(), &state.edits, Lang::Zh);
    let html = render_view(scheme_editor(&SchemeEditorProps {
        lang: Lang::Zh,
        base: &b(),
        edited: &edited,
        edits: &state.edits,
        errors: Some(&errors),
        typed_weight: state.typed_weight,
        dispatch: &Callback::noop(),
        on_workshop: Callback::noop(),
    }));
    assert!(
        text(&html).contains("其余权重按比例调整为：党委评定 42.86%、自评 17.14% 按比例调整"),
        "{}",
        text(&html)
    );
    // Taken: the weights add up to 100, and the result is no longer out of date.
    let taken = state.reduce(Action::SetWeights(vec![
        "42.86".into(),
        "40".into(),
        "17.14".into(),
    ]));
    let (_, errors) = dingji::wire::page::edited_scheme(&b(), &taken.edits, Lang::Zh);
    assert!(errors.is_empty(), "{errors:?}");
    // Nothing is offered while the total is 100.
    let (edited, errors) = dingji::wire::page::edited_scheme(&b(), &taken.edits, Lang::Zh);
    let html = render_view(scheme_editor(&SchemeEditorProps {
        lang: Lang::Zh,
        base: &b(),
        edited: &edited,
        edits: &taken.edits,
        errors: Some(&errors).filter(|e| !e.is_empty()),
        typed_weight: taken.typed_weight,
        dispatch: &Callback::noop(),
        on_workshop: Callback::noop(),
    }));
    assert!(!html.contains("weights-balance"), "{html}");
}

#[test]
fn a_threshold_out_of_order_names_its_tier_in_the_pages_language() {
    dingji::shared::i18n::install_built_in();
    let edits = Edits {
        weights: Vec::new(),
        thresholds: vec![Some("90".into()), Some("95".into()), Some("60".into())],
    };
    let (edited, errors) = dingji::wire::page::edited_scheme(&b(), &edits, Lang::En);
    let html = render_view(scheme_editor(&SchemeEditorProps {
        lang: Lang::En,
        base: &b(),
        edited: &edited,
        edits: &edits,
        errors: Some(&errors),
        typed_weight: None,
        dispatch: &Callback::noop(),
        on_workshop: Callback::noop(),
    }));
    let said = by_id(&html, "threshold-1-error");
    assert!(said.contains("\"Fairly good\""), "{said}");
    assert!(!said.contains("较好"), "{said}");
}

#[test]
fn a_damaged_link_is_said_in_the_pages_language() {
    use dingji::calculator::state::Notice;
    use dingji::calculator::views::notice::{NoticeBarProps, notice_bar};
    use dingji::wire::Unreadable;
    dingji::shared::i18n::install_built_in();
    let said = |lang| {
        text(&render_view(notice_bar(&NoticeBarProps {
            lang,
            notice: Some(Notice::BadLink(Unreadable::Damaged)),
            unreadable: None,
            dispatch: Callback::noop(),
        })))
    };
    assert!(
        said(Lang::Zh).contains("链接内容不完整或被改动"),
        "{}",
        said(Lang::Zh)
    );
    let en = said(Lang::En);
    assert!(en.contains("The link is incomplete or was changed"), "{en}");
    assert!(
        !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{en}"
    );
}

#[test]
fn unreadable_saved_inputs_that_could_not_be_kept_aside_are_offered_not_dismissed() {
    use dingji::calculator::state::Notice;
    use dingji::calculator::views::notice::{NoticeBarProps, notice_bar};
    let html = render_view(notice_bar(&NoticeBarProps {
        lang: Lang::Zh,
        notice: Some(Notice::BadStorage {
            why: "第 3 行无法读取".into(),
            kept: false,
        }),
        unreadable: Some("dingji 1\nscheme B\nbroken".into()),
        dispatch: Callback::noop(),
    }));
    let said = text(&html);
    assert!(
        said.contains("在您下载或舍弃原内容之前，本页的修改不会保存"),
        "{said}"
    );
    assert!(
        html.contains("unreadable-download") && html.contains("unreadable-discard"),
        "{html}"
    );
    assert!(!said.contains("知道了"), "{said}");
}

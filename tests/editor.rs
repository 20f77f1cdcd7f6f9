//! The scheme editor's changes (`dingji::tools::editor`): a township's scheme written from
//! nothing and a list graded under it by hand arithmetic; what each change does to the rest of
//! the scheme (ids, quotas, limits, star mappings); the workshop's typed values carried over a
//! change of shape; and each check of the scheme shown at its section.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use dingji::list::derive::{RowResult, grade};
use dingji::tools::editor::{self, Form, Section, Set};
use dingji::tools::workshop::Trial;
use dingji_rules::scheme::{CapBase, Limit, QuotaRounding, Scoring};
use dingji_rules::{Decimal, Error, Lang, Scheme, TierStars, presets};

mod common;
use common::imported_under;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The scheme of `tests/e2e/workshop.test.mjs`'s township, written with the editor's changes:
/// 党委评定 50% (a score), 测评 30% (ballots 100/80/60/0), 考核指标 20% (组织建设 60 earned, 廉洁
/// 40 deducted), 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, at least ⌈10%⌉ 较差, no stars.
fn township() -> Scheme {
    let mut s = editor::blank();
    s.name = editor::written("某镇方案");
    s.sources[0].name = editor::written("党委评定");
    editor::add_source(&mut s);
    editor::add_source(&mut s);
    s.sources[1].name = editor::written("测评");
    editor::set_form(&mut s, 1, Form::Vote);
    s.sources[2].name = editor::written("考核指标");
    editor::set_form(&mut s, 2, Form::Indicators);
    for (source, weight) in s.sources.iter_mut().zip(["50", "30", "20"]) {
        source.weight = d(weight);
    }
    editor::add_indicator(&mut s, &Set::Shared);
    s.indicators[0].name = editor::written("组织建设");
    s.indicators[0].max = d("60");
    editor::add_indicator(&mut s, &Set::Shared);
    s.indicators[1].name = editor::written("廉洁");
    s.indicators[1].scoring = Scoring::Deduct;
    let mut floor = editor::quota(5, QuotaRounding::Ceil);
    floor.share = d("10");
    s.distribution.min_lowest = Some(floor);
    s
}

fn tiers_of(scheme: Scheme, csv: &str) -> Vec<String> {
    let state = imported_under(Rc::new(scheme), csv);
    let graded = grade(&state);
    (0..state.rows.len())
        .map(|i| match graded.result(i) {
            RowResult::Ok(r) => {
                format!("{} {}", r.rounded, state.scheme.tier_name(r.tier, Lang::Zh))
            }
            RowResult::Failed(why) => why,
            RowResult::Unread => "unread".into(),
        })
        .collect()
}

#[test]
fn a_township_scheme_written_from_nothing_grades_a_list_as_by_hand() {
    let scheme = township();
    scheme.validate().unwrap();
    // The new indicator takes what the set lacks of 100: 100, then 40 after the first is 60.
    assert_eq!(scheme.indicators[1].max, d("40"));
    assert_eq!(
        scheme
            .sources
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["s1", "s2", "s3"]
    );
    // Saved as a file and read back, it is the same scheme.
    assert_eq!(Scheme::from_json(&scheme.to_json()).unwrap(), scheme);
    // By hand (vote = (100a + 80b + 60c) / ballots; indicators = earned + max(40 − deducted, 0)):
    //   A 95; 100; 58 + 40 → 47.5 + 30 + 19.6 = 97.10 好
    //   B 88; 92;  50 + 35 → 44 + 27.6 + 17 = 88.60 较好
    //   C 80; 86;  45 + 30 → 40 + 25.8 + 15 = 80.80 较好
    //   D 75; 70;  40 + 0  → 37.5 + 21 + 8 = 66.50 一般, the lowest of ⌈10% × 6⌉ = 1: 较差
    //   E 85; 72;  55 + 38 → 42.5 + 21.6 + 18.6 = 82.70 较好
    //   F 90; 84;  60 + 40 → 45 + 25.2 + 20 = 90.20 好
    let csv = "组织名称,分类,党委评定,测评·好（票）,测评·较好（票）,测评·一般（票）,测评·较差（票）,考核指标·组织建设,考核指标·廉洁\n\
        A,村,95,10,0,0,0,58,0\n\
        B,村,88,6,4,0,0,50,5\n\
        C,村,80,5,3,2,0,45,10\n\
        D,村,75,2,4,3,1,40,50\n\
        E,村,85,3,3,3,1,55,2\n\
        F,村,90,4,4,2,0,60,0\n";
    assert_eq!(
        tiers_of(scheme, csv),
        [
            "97.10 好",
            "88.60 较好",
            "80.80 较好",
            "66.50 较差",
            "82.70 较好",
            "90.20 好"
        ]
    );
}

#[test]
fn each_check_of_an_unfinished_scheme_is_shown_at_its_section() {
    let mut s = editor::blank();
    editor::add_source(&mut s);
    editor::set_form(&mut s, 1, Form::Indicators);
    // An indicator source with no indicators: the set's points add up to 0, not 100.
    let e = s.validate().unwrap_err();
    assert!(matches!(e, Error::IndicatorSum { .. }), "{e:?}");
    assert_eq!(Section::of(&e), Section::Indicators);
    editor::add_indicator(&mut s, &Set::Shared);
    s.validate().unwrap();
    // A vote scale with no valid level, at the sources.
    editor::set_form(&mut s, 0, Form::Vote);
    if let Some(scale) = editor::scale_mut(&mut s, 0) {
        for level in &mut scale.levels {
            level.valid = false;
        }
    }
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Sources);
    // Stars a tier gives that the scheme does not have, at the stars.
    let mut s = editor::blank();
    editor::set_stars(&mut s, true);
    s.tiers[0].stars = TierStars::Fixed(7);
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Stars);
    // A quota share past 100, at the quotas; a satisfaction threshold past 100, at the vetoes.
    let mut s = editor::blank();
    s.distribution.max_top = Some(editor::quota(120, QuotaRounding::Floor));
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Quotas);
    let mut s = editor::blank();
    editor::set_form(&mut s, 0, Form::Vote);
    assert!(editor::add_satisfaction_cap(&mut s));
    s.satisfaction_caps[0].below = d("150");
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Vetoes);
    // A vote level's points past 100 are the source's, an indicator's are the indicators'.
    let mut s = editor::blank();
    editor::set_form(&mut s, 0, Form::Vote);
    editor::scale_mut(&mut s, 0).unwrap().levels[0].points = d("120");
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Sources);
    let mut s = editor::blank();
    editor::set_form(&mut s, 0, Form::Indicators);
    editor::add_indicator(&mut s, &Set::Shared);
    s.indicators[0].max = d("101");
    assert_eq!(Section::of(&s.validate().unwrap_err()), Section::Indicators);
}

#[test]
fn removing_a_part_takes_with_it_what_named_it() {
    // Scheme B: 好 ≥ 90 (四星, 五星 capped at 20% of 好), 较好 三星, 一般 二/一星, 较差 不定星.
    let b = presets::by_id("B").unwrap();
    // A tier removed: the lowest still has no threshold, limits on tiers below move up one.
    let mut s = b.clone();
    editor::add_veto(&mut s);
    assert_eq!(s.vetoes.last().unwrap().limit, Limit::ForceTier(3));
    editor::remove_tier(&mut s, 1);
    assert_eq!(
        s.tiers
            .iter()
            .map(|t| t.name.zh.as_str())
            .collect::<Vec<_>>(),
        ["好", "一般", "较差"]
    );
    assert_eq!(s.tiers[2].min, None);
    assert_eq!(s.vetoes.last().unwrap().limit, Limit::ForceTier(2));
    s.validate().unwrap();
    // Two tiers are the least: a third removal does nothing.
    editor::remove_tier(&mut s, 0);
    editor::remove_tier(&mut s, 0);
    assert_eq!(s.tiers.len(), 2);
    assert_eq!(s.tiers[1].min, None);
    s.validate().unwrap();

    // Stars taken away: no tier gives any, the cap goes, and the scheme holds.
    let mut s = b.clone();
    assert!(matches!(
        s.stars
            .as_ref()
            .and_then(|x| x.cap.as_ref())
            .map(|c| c.base),
        Some(CapBase::Tier(0))
    ));
    editor::set_stars(&mut s, false);
    assert!(s.stars.is_none());
    assert!(s.tiers.iter().all(|t| t.stars == TierStars::None));
    s.validate().unwrap();

    // A category removed takes its own indicator set and its quota share.
    let mut s = editor::blank();
    editor::add_category(&mut s);
    editor::set_form(&mut s, 0, Form::Indicators);
    editor::add_indicator(&mut s, &Set::Shared);
    editor::own_set(&mut s, "c2", true);
    assert_eq!(Set::Own("c2".into()).get(&s), s.indicators.as_slice());
    let mut floor = editor::quota(5, QuotaRounding::Ceil);
    floor.scope = dingji_rules::scheme::Scope::Category;
    floor.per_category = vec![("c2".into(), d("10"))];
    s.distribution.min_lowest = Some(floor);
    s.validate().unwrap();
    editor::remove_category(&mut s, 1);
    assert!(s.category_indicators.is_empty());
    assert!(
        s.distribution
            .min_lowest
            .as_ref()
            .unwrap()
            .per_category
            .is_empty()
    );
    s.validate().unwrap();
    // The last category and the last source stay.
    editor::remove_category(&mut s, 0);
    editor::remove_source(&mut s, 0);
    assert_eq!((s.categories.len(), s.sources.len()), (1, 1));

    // A vote source made a score loses the satisfaction caps that read it.
    let mut s = editor::blank();
    editor::set_form(&mut s, 0, Form::Vote);
    editor::add_satisfaction_cap(&mut s);
    editor::set_form(&mut s, 0, Form::Direct);
    assert!(s.satisfaction_caps.is_empty());
    assert!(!editor::add_satisfaction_cap(&mut s));
}

#[test]
fn what_was_typed_in_the_workshop_survives_a_change_of_shape() {
    let b = presets::by_id("B").unwrap();
    let mut trial = Trial::of(&b);
    // 党委评定 typed as 45 (not yet 100 in all), the floor as 8.
    trial.weights[0] = "45".into();
    trial.shares[0].1 = "8".into();
    // A source added and the second moved above the first: each weight stays with its source.
    let mut s = b.clone();
    editor::add_source(&mut s);
    editor::move_up(&mut s.sources, 1);
    let carried = trial.carry(&b, &s);
    assert_eq!(carried.weights, ["30", "45", "20", "0"]);
    assert_eq!(carried.shares[0].1, "8");
    // A tier added: the thresholds start from the new shape's.
    let mut s = b.clone();
    editor::add_tier(&mut s);
    let carried = trial.carry(&b, &s);
    assert_eq!(carried.thresholds, ["90", "80", "60", "50"]);
    // The fresh id skips those taken.
    assert_eq!(editor::fresh_id("s", ["s1", "s3"].into_iter()), "s2");
    assert_eq!(editor::fresh_id("s", ["s1", "s2"].into_iter()), "s3");
}

#[test]
fn a_scheme_in_a_link_comes_back_whole_and_a_damaged_link_is_refused() {
    use dingji::tools::workshop::{read_scheme_link, scheme_link};
    // Each preset with 党委评定 (its first source) and its second source's weights swapped: the
    // link names the preset and carries only the changes, far shorter than the scheme whole.
    for preset in presets::all() {
        let mut s = preset.clone();
        if s.sources.len() > 1 {
            let (a, b) = (s.sources[0].weight, s.sources[1].weight);
            s.sources[0].weight = b;
            s.sources[1].weight = a;
        }
        s.id = "custom".into();
        let link = scheme_link(&s).unwrap();
        assert!(link.starts_with(&format!("{}~", preset.id)), "{link}");
        let whole = dingji::wire::schemes::scheme_data(&s).unwrap();
        assert!(
            link.len() * 3 < whole.len(),
            "{} {}: {link}",
            link.len(),
            whole.len()
        );
        assert_eq!(read_scheme_link(&link, Lang::Zh).unwrap(), s);
        // Cut anywhere, it is refused with a message, never read as something else or a panic.
        for cut in 0..link.len() {
            if let Ok(read) = read_scheme_link(&link[..cut], Lang::Zh) {
                assert_eq!(read.validate(), Ok(()));
            }
        }
    }
    // A scheme written from nothing travels whole, and comes back the same.
    let s = township();
    let link = scheme_link(&s).unwrap();
    assert_eq!(read_scheme_link(&link, Lang::Zh).unwrap(), s);
    // A patch that breaks the scheme is named as the scheme's error.
    let patch = dingji::wire::base64::encode(br#"{"sources":[]}"#);
    assert!(
        read_scheme_link(&format!("B~{patch}"), Lang::Zh)
            .unwrap_err()
            .to_string()
            .starts_with("链接中的方案有误")
    );
    // In English, in English, with what the workshop shows instead.
    assert_eq!(
        read_scheme_link("B~e30x", Lang::En)
            .unwrap_err()
            .to_string(),
        "The scheme in the link cannot be read (the link may be cut short); below is still the list's own scheme"
    );
    assert!(read_scheme_link("Z~e30", Lang::Zh).is_err());
    assert!(read_scheme_link("", Lang::Zh).is_err());
}

/// What the calculator takes from the workshop over it: a trial that changes its preset's
/// weights and thresholds alone, as the calculator's own changes (only the values changed); a
/// trial that changes anything else, nothing.
#[test]
fn a_trial_is_the_calculators_changes_only_where_it_changes_weights_and_thresholds_alone() {
    use dingji::wire::page::{Edits, edited_scheme};
    let b = presets::by_id("B").unwrap();
    let mut trial = b.clone();
    trial.id = "custom".into();
    trial.name.zh = "乡镇方案（调整）".into();
    trial.sources[0].weight = d("60");
    trial.sources[1].weight = d("20");
    trial.tiers[0].min = Some(d("91"));
    let edits = Edits::between(&b, &trial).expect("weights and thresholds alone");
    assert_eq!(edits.weights, [Some("60".into()), Some("20".into()), None]);
    assert_eq!(edits.thresholds, [Some("91".into()), None, None, None]);
    // Read back as the calculator reads them: the same numbers, and nothing wrong.
    let (read, errors) = edited_scheme(&b, &edits, Lang::Zh);
    assert!(errors.is_empty());
    assert_eq!(read.sources[0].weight, d("60"));
    assert_eq!(read.sources[1].weight, d("20"));
    assert_eq!(read.sources[2].weight, d("20"));
    assert_eq!(read.tiers[0].min, Some(d("91")));
    assert_eq!(read.tiers[1].min, b.tiers[1].min);

    // The preset as it is: no change at all.
    assert!(Edits::between(&b, &b).unwrap().is_empty());
    // Anything else (好's stars, a source more, a tier less): not the calculator's to take.
    let mut stars = trial.clone();
    stars.tiers[0].stars = TierStars::Fixed(4);
    assert_eq!(Edits::between(&b, &stars), None);
    let mut more = trial.clone();
    editor::add_source(&mut more);
    assert_eq!(Edits::between(&b, &more), None);
    let mut fewer = trial;
    fewer.tiers.pop();
    assert_eq!(Edits::between(&b, &fewer), None);
}

/// The calculator takes a trial as a preset (its own first) with that preset's weights and
/// thresholds changed; another preset as it is, as that preset.
#[test]
fn the_calculator_takes_a_trial_as_its_own_preset_first_then_as_another() {
    use dingji::tools::workshop::Calculator;
    let presets: Vec<Rc<Scheme>> = presets::all().into_iter().map(Rc::new).collect();
    let on_b = Calculator {
        presets: Rc::new(presets.clone()),
        preset: "B".into(),
        own: None,
        unused: Vec::new(),
    };
    let mut trial = presets::by_id("B").unwrap();
    trial.sources[2].weight = d("30");
    trial.sources[1].weight = d("20");
    // As the workshop applies it: citing the numbers it changed (its citation is not a change).
    trial.cite_adjusted_from(&presets::by_id("B").unwrap());
    let (preset, edits) = on_b.takes(&trial).unwrap();
    assert_eq!(preset, "B");
    assert_eq!(edits.weights, [None, Some("20".into()), Some("30".into())]);
    // Preset C chosen in the workshop, as it is: C, with nothing changed.
    let (preset, edits) = on_b.takes(&presets::by_id("C").unwrap()).unwrap();
    assert_eq!(preset, "C");
    assert!(edits.is_empty());
    // A preset as it is, on a calculator that uses it: that preset.
    let zzb = presets::by_id("ZZB").unwrap();
    let on_zzb = Calculator {
        presets: Rc::new(presets),
        preset: "ZZB".into(),
        own: None,
        unused: Vec::new(),
    };
    assert_eq!(on_zzb.takes(&zzb).unwrap().0, "ZZB");
}

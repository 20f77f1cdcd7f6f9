//! Property tests of the invariants a committee relies on:
//! - raising any input (a score, a 好 ballot, an indicator; lowering a deduction) never lowers the
//!   tier before the list rules;
//! - after the list rules, the lowest tier holds at least ⌈p·N⌉ organizations, the top tier at most
//!   ⌊p·N⌋, the top star level at most ⌊p·M⌋, and those moved down scored no more than those left;
//! - summary shares sum to exactly 100.0% and each is within 0.1 of the exact share;
//! - nothing panics on any text typed into a draft.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test helpers

mod common;
use dingji_rules::draft::{Mode, OrgDraft};
use dingji_rules::summary::shares;
use dingji_rules::{Decimal, Flag, Org, Scheme, SourceInput, evaluate, evaluate_list, presets};
use proptest::prelude::*;

fn hundredths(h: u32) -> Decimal {
    Decimal::new(i64::from(h), 2)
}

fn b_org(committee: u32, self_score: u32, counts: [u64; 4]) -> Org {
    common::b_org(hundredths(committee), counts, hundredths(self_score))
}

fn tier(scheme: &Scheme, org: &Org) -> usize {
    evaluate(scheme, org).unwrap().tier
}

fn counts() -> impl Strategy<Value = [u64; 4]> {
    (1u64..60, 0u64..40, 0u64..30, 0u64..20).prop_map(|(a, b, c, d)| [a, b, c, d])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_higher_score_never_lowers_the_tier(c in 0u32..=10000, s in 0u32..=10000, up in 0u32..=10000, v in counts()) {
        let b = presets::by_id("B").unwrap();
        let before = tier(&b, &b_org(c, s, v));
        prop_assert!(tier(&b, &b_org((c + up).min(10000), s, v)) <= before);
        prop_assert!(tier(&b, &b_org(c, (s + up).min(10000), v)) <= before);
    }

    #[test]
    fn another_good_ballot_never_lowers_the_tier(c in 0u32..=10000, s in 0u32..=10000, v in counts(), more in 0u64..30) {
        let b = presets::by_id("B").unwrap();
        let before = tier(&b, &b_org(c, s, v));
        let mut more_good = v;
        more_good[0] += more;
        prop_assert!(tier(&b, &b_org(c, s, more_good)) <= before);
    }

    #[test]
    fn a_smaller_deduction_never_lowers_the_tier(d in proptest::collection::vec(0u32..=3000, 7), which in 0usize..7, less in 0u32..=3000) {
        let zzb = presets::by_id("ZZB").unwrap();
        let ids = ["leader", "ideas", "rules", "base", "support", "results", "opinion"];
        let org_with = |d: &[u32]| Org {
            inputs: [("committee".to_owned(), SourceInput::Indicators(
                ids.iter().zip(d).map(|(id, &x)| (id.to_string(), hundredths(x))).collect(),
            ))].into(),
            ..Org::default()
        };
        let before = tier(&zzb, &org_with(&d));
        let mut lower = d.clone();
        lower[which] = lower[which].saturating_sub(less);
        prop_assert!(tier(&zzb, &org_with(&lower)) <= before);
    }

    #[test]
    fn the_list_rules_keep_their_bounds(scores in proptest::collection::vec(0u32..=10000, 1..80)) {
        let b = presets::by_id("B").unwrap();
        let orgs: Vec<Org> = scores.iter().map(|&x| Org {
            inputs: b.sources.iter().map(|s| (s.id.clone(), SourceInput::Score(hundredths(x)))).collect(),
            ..Org::default()
        }).collect();
        let list = evaluate_list(&b, &orgs);
        let n = orgs.len() as u64;
        let rows: Vec<_> = list.graded().map(|(_, r)| r).collect();
        let lowest = rows.iter().filter(|r| r.tier == 3).count() as u64;
        prop_assert!(lowest >= (n * 5).div_ceil(100), "{lowest} 较差 of {n}");
        let good = rows.iter().filter(|r| r.tier == 0).count() as u64;
        let five = rows.iter().filter(|r| r.stars == Some(5)).count() as u64;
        prop_assert!(five <= good * 20 / 100, "{five} 五星 of {good} 好");
        let moved_max = rows.iter().filter(|r| r.flags.iter().any(|f| matches!(f, Flag::MovedByFloor { .. }))).map(|r| r.rounded).max();
        let kept_min = rows.iter().filter(|r| r.tier != 3).map(|r| r.rounded).min();
        if let (Some(moved), Some(kept)) = (moved_max, kept_min) {
            prop_assert!(moved < kept, "moved {moved} while {kept} stayed");
        }
        // Ranks: the best is first, and a rank is shared only by equal scores.
        for x in &rows {
            for y in &rows {
                if x.rounded > y.rounded { prop_assert!(x.rank < y.rank); }
                if x.rounded == y.rounded { prop_assert_eq!(x.rank, y.rank); }
            }
        }
    }

    #[test]
    fn the_top_tier_cap_holds(scores in proptest::collection::vec(5000u32..=10000, 1..60)) {
        let tj = presets::by_id("TJ").unwrap();
        let orgs: Vec<Org> = scores.iter().map(|&x| Org {
            category: "village".into(),
            inputs: [("assessment".to_owned(), SourceInput::Score(hundredths(x)))].into(),
            ..Org::default()
        }).collect();
        let list = evaluate_list(&tj, &orgs);
        let n = orgs.len() as u64;
        let top = list.graded().filter(|(_, r)| r.tier == 0).count() as u64;
        prop_assert!(top <= n / 10, "{top} 五星 of {n}");
    }

    #[test]
    fn each_share_is_its_percentage_correctly_rounded(counts in proptest::collection::vec(0u64..500, 1..8)) {
        let total: u64 = counts.iter().sum();
        prop_assume!(total > 0);
        let s = shares(&counts);
        for (c, share) in counts.iter().zip(&s) {
            // Within half a tenth of the exact percentage, and on the side the half rounds to:
            // 2 × |c × 1000 − share × 10 × total| ≤ total, a tie only upward.
            let exact = i128::from(*c) * 1000;
            // The share is in tenths at scale 1 (42.9 is 429).
            let shown = share.mantissa() * i128::from(total);
            let off = exact - shown;
            prop_assert!(2 * off.abs() <= i128::from(total), "{share} for {c}/{total}");
            prop_assert!(2 * off != i128::from(total), "{share} for {c}/{total}: a half rounds up");
        }
    }

    #[test]
    fn any_text_is_read_or_named_never_a_panic(texts in proptest::collection::vec(".{0,12}", 8), mode in 0u8..3) {
        for scheme in presets::all() {
            let mut draft = OrgDraft::for_scheme(&scheme);
            draft.category = texts[0].clone();
            for (i, source) in scheme.sources.iter().enumerate() {
                let d = dingji_rules::map::entry(&mut draft.inputs, &source.id);
                d.mode = [Mode::Score, Mode::Indicators, Mode::Votes][(usize::from(mode) + i) % 3];
                d.score = texts[1 + i % 7].clone();
                d.counts = texts.iter().take(4).cloned().collect();
                d.eligible = texts[5].clone();
                d.indicators = scheme.indicators.iter().enumerate().map(|(j, ind)| (ind.id.clone(), texts[j % 8].clone())).collect::<Vec<_>>();
            }
            if let Ok(org) = draft.parse(&scheme) {
                let _ = evaluate(&scheme, &org);
            }
        }
    }

    #[test]
    fn rounding_moves_a_score_by_at_most_half_a_hundredth(x in 0u64..=100_000_000) {
        let b = presets::by_id("B").unwrap();
        let exact = Decimal::new(i64::try_from(x).unwrap(), 6);
        let d = b.decide(exact);
        prop_assert!((d.rounded - exact).abs() <= Decimal::new(5, 3));
        prop_assert_eq!(d.rounded.scale(), 2);
    }
}

proptest! {
    /// Every list's order (ranks, the caps' cut-offs, the page sorted by rank) is the sort by
    /// key, highest first, then by index, whichever way it is had: placed by counting for a long
    /// list of close keys, sorted otherwise (short, spread wide, indices out of order).
    #[test]
    fn ordering_by_key_is_the_sort_by_key_then_index(
        keys in prop::collection::vec(-300i128..300, 0..2000),
        spread in prop::sample::select(vec![1i128, 1_000, 1_000_000_000_000]),
        shuffled in any::<bool>(),
    ) {
        let mut pairs: Vec<(i128, usize)> = keys.iter().enumerate().map(|(i, &k)| (k * spread, i)).collect();
        if shuffled {
            pairs.reverse();
        }
        let mut want = pairs.clone();
        want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        dingji_rules::list::order_by_key(&mut pairs);
        prop_assert_eq!(pairs, want);
    }
}

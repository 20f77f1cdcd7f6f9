//! The preset schemes: data files in `presets/*.json`, each citing the document it comes from,
//! compiled by `build.rs` into a compact binary form that this module decodes (so that the first
//! page load needs neither a JSON reader for schemes nor constructor code per field). A user
//! exports, edits and imports the JSON format itself (`Scheme::from_json`).

use rust_decimal::Decimal;

use crate::error::Error;
use crate::map::Pairs;
use crate::rounding::{Rounding, RoundingMode};
use crate::scheme::{
    CapBase, Category, Distribution, Indicator, Limit, Participation, Quota, QuotaRounding,
    SatisfactionCap, Scheme, Scope, Scoring, Source, SourceKind, StarCap, StarLevel, Stars, Veto,
    VoteLevel, VoteScale,
};
use crate::text::Text;
use crate::tier::{Tier, TierStars};

/// The presets as `build.rs` encoded them.
const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/presets.bin"));

/// The presets' English kept apart from [`BLOB`] by `build.rs`: a line `zh<TAB>en` per text.
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/presets-en.txt"));

include!(concat!(env!("OUT_DIR"), "/preset_files.rs"));

/// Reads the encoding of `build.rs` (see there). Every read is checked: a short or malformed
/// blob gives `None`, never a panic.
struct Reader<'a> {
    bytes: &'a [u8],
    /// Chinese and English in turn: the English of a text read without its own.
    english: &'a [&'a str],
}

impl Reader<'_> {
    fn u(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.u()?).ok()
    }

    fn flag(&mut self) -> Option<bool> {
        Some(self.u()? != 0)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.small::<usize>()?;
        let (head, rest) = self.bytes.split_at_checked(len)?;
        self.bytes = rest;
        String::from_utf8(head.to_vec()).ok()
    }

    fn text(&mut self) -> Option<Text> {
        let zh = self.string()?;
        let mut en = self.string()?;
        if en.is_empty()
            && let Some(found) = self.english.chunks_exact(2).find_map(|pair| match pair {
                [z, e] if *z == zh => Some(*e),
                _ => None,
            })
        {
            en = found.to_owned();
        }
        Some(Text { zh, en })
    }

    fn dec(&mut self) -> Option<Decimal> {
        let z = self.u()?;
        let mantissa = ((z >> 1) as i64) ^ -((z & 1) as i64);
        Decimal::try_new(mantissa, self.small()?).ok()
    }

    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u()? {
            0 => Some(None),
            _ => read(self).map(Some),
        }
    }

    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.small::<usize>()?;
        (0..len).map(|_| read(self)).collect()
    }

    fn pairs<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Pairs<T>> {
        self.list(|r| Some((r.string()?, read(r)?)))
    }

    fn indicator(&mut self) -> Option<Indicator> {
        Some(Indicator {
            id: self.string()?,
            name: self.text()?,
            max: self.dec()?,
            points: self.text()?,
            scoring: if self.flag()? {
                Scoring::Deduct
            } else {
                Scoring::Add
            },
            bonus: self.flag()?,
            custom: self.flag()?,
        })
    }

    fn source(&mut self) -> Option<Source> {
        let id = self.string()?;
        let name = self.text()?;
        let weight = self.dec()?;
        let input = match self.u()? {
            0 => SourceKind::Direct,
            1 => SourceKind::Indicators,
            _ => SourceKind::Vote(VoteScale {
                levels: self.list(|r| {
                    Some(VoteLevel {
                        name: r.text()?,
                        points: r.dec()?,
                        valid: r.flag()?,
                    })
                })?,
                satisfied_levels: self.small()?,
                participation: self.opt(|r| {
                    Some(Participation {
                        min_share: r.dec()?,
                        everyone_below: r.opt(|r| r.u())?,
                    })
                })?,
            }),
        };
        Some(Source {
            id,
            name,
            weight,
            input,
        })
    }

    fn tier(&mut self) -> Option<Tier> {
        let name = self.text()?;
        let min = self.opt(Self::dec)?;
        let stars = match self.u()? {
            0 => TierStars::None,
            1 => TierStars::Fixed(self.small()?),
            _ => TierStars::Split {
                at: self.dec()?,
                above: self.small()?,
                below: self.small()?,
            },
        };
        Some(Tier {
            name,
            min,
            stars,
            follow_up: self.text()?,
        })
    }

    fn rounding(&mut self) -> Option<QuotaRounding> {
        [
            QuotaRounding::Ceil,
            QuotaRounding::Floor,
            QuotaRounding::Round,
        ]
        .get(self.small::<usize>()?)
        .copied()
    }

    fn scope(&mut self) -> Option<Scope> {
        Some(if self.flag()? {
            Scope::Category
        } else {
            Scope::All
        })
    }

    fn quota(&mut self) -> Option<Quota> {
        Some(Quota {
            share: self.dec()?,
            rounding: self.rounding()?,
            scope: self.scope()?,
            per_category: self.pairs(Self::dec)?,
        })
    }

    fn limit(&mut self) -> Option<Limit> {
        let variant = self.u()?;
        let n = self.u()?;
        Some(match variant {
            0 => Limit::ForceTier(usize::try_from(n).ok()?),
            1 => Limit::TierAtMost(usize::try_from(n).ok()?),
            _ => Limit::StarsAtMost(u8::try_from(n).ok()?),
        })
    }

    fn stars(&mut self) -> Option<Stars> {
        Some(Stars {
            levels: self.list(|r| {
                Some(StarLevel {
                    stars: r.small()?,
                    name: r.text()?,
                    confirmer: r.text()?,
                })
            })?,
            cap: self.opt(|r| {
                Some(StarCap {
                    stars: r.small()?,
                    share: r.dec()?,
                    base: match r.u()? {
                        0 => CapBase::All,
                        _ => CapBase::Tier(r.small()?),
                    },
                    rounding: r.rounding()?,
                    scope: r.scope()?,
                    demote_to: r.small()?,
                })
            })?,
        })
    }

    fn scheme(&mut self) -> Option<Scheme> {
        Some(Scheme {
            format: self.small()?,
            id: self.string()?,
            name: self.text()?,
            citation: self.text()?,
            categories: self.list(|r| {
                Some(Category {
                    id: r.string()?,
                    name: r.text()?,
                })
            })?,
            indicators: self.list(Self::indicator)?,
            category_indicators: self.pairs(|r| r.list(Self::indicator))?,
            bonus_cap: self.opt(Self::dec)?,
            sources: self.list(Self::source)?,
            rounding: Rounding {
                decimals: self.small()?,
                mode: [
                    RoundingMode::HalfUp,
                    RoundingMode::HalfEven,
                    RoundingMode::Truncate,
                ]
                .get(self.small::<usize>()?)
                .copied()?,
            },
            tiers: self.list(Self::tier)?,
            stars: self.opt(Self::stars)?,
            distribution: Distribution {
                min_lowest: self.opt(Self::quota)?,
                max_top: self.opt(Self::quota)?,
            },
            vetoes: self.list(|r| {
                Some(Veto {
                    id: r.string()?,
                    name: r.text()?,
                    limit: r.limit()?,
                })
            })?,
            satisfaction_caps: self.list(|r| {
                Some(SatisfactionCap {
                    source: r.string()?,
                    below: r.dec()?,
                    limit: r.limit()?,
                })
            })?,
        })
    }
}

/// Writes the encoding [`Reader`] reads (the one `build.rs` writes from the JSON files), from a
/// scheme in memory: a scheme made in the workshop travels in a saved list in this form, which
/// the page already reads for its presets.
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn u(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn flag(&mut self, b: bool) {
        self.u(u64::from(b));
    }

    fn string(&mut self, s: &str) {
        self.u(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, t: &Text) {
        self.string(&t.zh);
        self.string(&t.en);
    }

    /// A decimal whose mantissa fits 64 bits (every value a scheme holds); `None` otherwise.
    fn dec(&mut self, d: Decimal) -> Option<()> {
        let mantissa = i64::try_from(d.mantissa()).ok()?;
        self.u(((mantissa << 1) ^ (mantissa >> 63)) as u64);
        self.u(u64::from(d.scale()));
        Some(())
    }

    fn opt<T>(
        &mut self,
        v: Option<&T>,
        write: impl FnOnce(&mut Self, &T) -> Option<()>,
    ) -> Option<()> {
        match v {
            None => {
                self.u(0);
                Some(())
            }
            Some(v) => {
                self.u(1);
                write(self, v)
            }
        }
    }

    fn list<T>(
        &mut self,
        v: &[T],
        mut write: impl FnMut(&mut Self, &T) -> Option<()>,
    ) -> Option<()> {
        self.u(v.len() as u64);
        v.iter().try_for_each(|x| write(self, x))
    }

    fn pairs<T>(
        &mut self,
        v: &Pairs<T>,
        mut write: impl FnMut(&mut Self, &T) -> Option<()>,
    ) -> Option<()> {
        self.list(v, |w, (k, x)| {
            w.string(k);
            write(w, x)
        })
    }

    fn indicator(&mut self, x: &Indicator) -> Option<()> {
        self.string(&x.id);
        self.text(&x.name);
        self.dec(x.max)?;
        self.text(&x.points);
        self.flag(x.scoring == Scoring::Deduct);
        self.flag(x.bonus);
        self.flag(x.custom);
        Some(())
    }

    fn source(&mut self, x: &Source) -> Option<()> {
        self.string(&x.id);
        self.text(&x.name);
        self.dec(x.weight)?;
        match &x.input {
            SourceKind::Direct => self.u(0),
            SourceKind::Indicators => self.u(1),
            SourceKind::Vote(scale) => {
                self.u(2);
                self.list(&scale.levels, |w, l| {
                    w.text(&l.name);
                    w.dec(l.points)?;
                    w.flag(l.valid);
                    Some(())
                })?;
                self.u(scale.satisfied_levels as u64);
                self.opt(scale.participation.as_ref(), |w, p| {
                    w.dec(p.min_share)?;
                    w.opt(p.everyone_below.as_ref(), |w, n| {
                        w.u(*n);
                        Some(())
                    })
                })?;
            }
        }
        Some(())
    }

    fn tier(&mut self, t: &Tier) -> Option<()> {
        self.text(&t.name);
        self.opt(t.min.as_ref(), |w, m| w.dec(*m))?;
        match t.stars {
            TierStars::None => self.u(0),
            TierStars::Fixed(n) => {
                self.u(1);
                self.u(u64::from(n));
            }
            TierStars::Split { at, above, below } => {
                self.u(2);
                self.dec(at)?;
                self.u(u64::from(above));
                self.u(u64::from(below));
            }
        }
        self.text(&t.follow_up);
        Some(())
    }

    fn rounding(&mut self, r: QuotaRounding) {
        self.u(match r {
            QuotaRounding::Ceil => 0,
            QuotaRounding::Floor => 1,
            QuotaRounding::Round => 2,
        });
    }

    fn scope(&mut self, s: Scope) {
        self.flag(s == Scope::Category);
    }

    fn quota(&mut self, q: &Quota) -> Option<()> {
        self.dec(q.share)?;
        self.rounding(q.rounding);
        self.scope(q.scope);
        self.pairs(&q.per_category, |w, d| w.dec(*d))
    }

    fn limit(&mut self, l: &Limit) {
        let (variant, n) = match *l {
            Limit::ForceTier(t) => (0, t as u64),
            Limit::TierAtMost(t) => (1, t as u64),
            Limit::StarsAtMost(s) => (2, u64::from(s)),
        };
        self.u(variant);
        self.u(n);
    }

    fn stars(&mut self, s: &Stars) -> Option<()> {
        self.list(&s.levels, |w, l| {
            w.u(u64::from(l.stars));
            w.text(&l.name);
            w.text(&l.confirmer);
            Some(())
        })?;
        self.opt(s.cap.as_ref(), |w, c| {
            w.u(u64::from(c.stars));
            w.dec(c.share)?;
            match c.base {
                CapBase::All => w.u(0),
                CapBase::Tier(t) => {
                    w.u(1);
                    w.u(t as u64);
                }
            }
            w.rounding(c.rounding);
            w.scope(c.scope);
            w.u(u64::from(c.demote_to));
            Some(())
        })
    }

    fn scheme(&mut self, s: &Scheme) -> Option<()> {
        self.u(u64::from(s.format));
        self.string(&s.id);
        self.text(&s.name);
        self.text(&s.citation);
        self.list(&s.categories, |w, c| {
            w.string(&c.id);
            w.text(&c.name);
            Some(())
        })?;
        self.list(&s.indicators, Self::indicator)?;
        self.pairs(&s.category_indicators, |w, xs| w.list(xs, Self::indicator))?;
        self.opt(s.bonus_cap.as_ref(), |w, d| w.dec(*d))?;
        self.list(&s.sources, Self::source)?;
        self.u(u64::from(s.rounding.decimals));
        self.u(match s.rounding.mode {
            RoundingMode::HalfUp => 0,
            RoundingMode::HalfEven => 1,
            RoundingMode::Truncate => 2,
        });
        self.list(&s.tiers, Self::tier)?;
        self.opt(s.stars.as_ref(), Self::stars)?;
        self.opt(s.distribution.min_lowest.as_ref(), Self::quota)?;
        self.opt(s.distribution.max_top.as_ref(), Self::quota)?;
        self.list(&s.vetoes, |w, v| {
            w.string(&v.id);
            w.text(&v.name);
            w.limit(&v.limit);
            Some(())
        })?;
        self.list(&s.satisfaction_caps, |w, c| {
            w.string(&c.source);
            w.dec(c.below)?;
            w.limit(&c.limit);
            Some(())
        })
    }
}

/// A scheme in the compact form the presets are compiled into; `None` for a value the form
/// cannot hold (a decimal beyond 64 bits of mantissa).
pub fn encode(scheme: &Scheme) -> Option<Vec<u8>> {
    let mut writer = Writer { out: Vec::new() };
    writer.scheme(scheme)?;
    Some(writer.out)
}

/// A scheme from its compact form, checked as a scheme file is (`Scheme::validate`); `None`
/// where the bytes are short, damaged or not a valid scheme.
pub fn decode(bytes: &[u8]) -> Option<Scheme> {
    let mut reader = Reader {
        bytes,
        english: &[],
    };
    let scheme = reader.scheme()?;
    (reader.bytes.is_empty() && scheme.validate().is_ok()).then_some(scheme)
}

/// Every preset scheme, in the order users see them.
pub fn all() -> Vec<Scheme> {
    all_with(english())
}

/// Every preset scheme with the English of `english` (Chinese and English in turn, as
/// [`english`] gives them): the pages take it from the English catalogue when it is chosen, so
/// that their first load carries neither the English nor [`all`]'s copy of it. With none, a text
/// the presets give one English for has none (it shows in Chinese).
pub fn all_with(english: &[&str]) -> Vec<Scheme> {
    let mut reader = Reader {
        bytes: BLOB,
        english,
    };
    reader.list(Reader::scheme).unwrap_or_default()
}

/// The presets' English kept apart: Chinese and English in turn (split once, for every later
/// [`all`] and [`by_id`]).
pub fn english() -> &'static [&'static str] {
    static PAIRS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        ENGLISH
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .flat_map(|(zh, en)| [zh, en])
            .collect()
    });
    &PAIRS
}

/// The preset with this id.
pub fn by_id(id: &str) -> Result<Scheme, Error> {
    all()
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::UnknownScheme { id: id.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn decoded_equals_json() {
        let decoded = all();
        assert_eq!(decoded.len(), FILES.len(), "every preset decodes");
        for (scheme, text) in decoded.iter().zip(FILES) {
            let read = Scheme::from_json(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(
                scheme, &read,
                "build.rs and serde read {} differently",
                read.id
            );
        }
    }

    #[test]
    fn a_damaged_blob_reads_as_nothing_not_a_panic() {
        for cut in [0, 1, BLOB.len() / 2, BLOB.len() - 1] {
            let mut reader = Reader {
                bytes: &BLOB[..cut],
                english: &[],
            };
            assert_eq!(reader.list(Reader::scheme), None);
        }
    }

    #[test]
    fn the_english_kept_apart_comes_back_only_when_given() {
        let bare = all_with(&[]);
        let b = &bare[0];
        // presets/b-township.json: 好 is "Good"; the name of the scheme has its English too.
        assert_eq!(
            (b.tiers[0].name.zh.as_str(), b.tiers[0].name.en.as_str()),
            ("好", "")
        );
        assert_eq!(b.tiers[0].name.get(Lang::En), "好");
        let full = &all()[0];
        assert_eq!(full.tiers[0].name.en, "Good");
        // Only the English differs: the numbers are the same.
        assert_eq!(b.tiers[0].min, full.tiers[0].min);
        assert_eq!(b.sources.len(), full.sources.len());
        let english = english();
        assert_eq!(english.len() % 2, 0);
        assert!(english.chunks_exact(2).any(|p| p == ["好", "Good"]));
    }

    #[test]
    fn every_preset_validates() {
        for scheme in all() {
            if let Err(e) = scheme.validate() {
                panic!("preset {} does not validate: {e}", scheme.id);
            }
        }
        let ids: Vec<String> = all().into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["B", "A", "C", "ZY", "ZZB", "TJ", "NW"]);
    }

    #[test]
    fn every_preset_encodes_and_decodes_to_itself() {
        for scheme in all() {
            let bytes = encode(&scheme).expect("encodes");
            assert_eq!(decode(&bytes).as_ref(), Some(&scheme), "{}", scheme.id);
            // Cut short anywhere: nothing, never a panic.
            for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
                assert_eq!(decode(&bytes[..cut]), None);
            }
        }
    }

    #[test]
    fn unknown_id_is_an_error() {
        assert_eq!(by_id("Z"), Err(Error::UnknownScheme { id: "Z".into() }));
    }
}

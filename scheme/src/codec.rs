//! The compact form of a scheme: what the presets are compiled into (by `dingji-rules`' build
//! script, with this code) and what a user's scheme travels in (a saved list, the calculator's
//! saved inputs, 我的方案), so that neither page's first load needs a JSON reader for schemes.
//! The JSON of a scheme file is the other saved form (serde, [`Scheme::from_json`]).
//!
//! Each part is written and read by one [`Codec`] impl, the two directions side by side; a
//! record's fields are listed once ([`record!`]) and the compiler checks the list against the
//! struct both ways (a destructuring to write, a struct literal to read), so a field added to a
//! part and not to its list does not compile.
//!
//! The encoding: unsigned numbers as LEB128; a decimal as its zigzagged mantissa and its scale; a
//! string as its length and UTF-8 bytes; a text as its Chinese then its English; an option as 0,
//! or 1 and the value; a list as its length and its items; a pair as its two parts; an enum as
//! its variant number and its fields. A text's English may be left out where it is kept apart
//! (the presets': see [`Writer::omitting`] and [`Reader::with_english`]).

use rust_decimal::Decimal;

use crate::rounding::{Rounding, RoundingMode};
use crate::scheme::{
    CapBase, Category, Distribution, Indicator, Limit, Participation, Quota, QuotaRounding,
    SatisfactionCap, Scheme, Scope, Scoring, Source, SourceKind, StarCap, StarLevel, Stars, Veto,
    VoteLevel, VoteScale,
};
use crate::text::Text;
use crate::tier::{Tier, TierStars};

/// Writes the compact form.
pub struct Writer<'a> {
    out: Vec<u8>,
    /// Whether a text's English is left out (written empty) because it is kept apart.
    omit: &'a dyn Fn(&Text) -> bool,
}

impl Writer<'_> {
    /// A writer that writes every text whole.
    pub fn new() -> Writer<'static> {
        Writer {
            out: Vec::new(),
            omit: &|_| false,
        }
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    /// An unsigned number, LEB128.
    pub fn u(&mut self, mut n: u64) {
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
}

impl<'a> Writer<'a> {
    /// A writer that leaves out the English of each text `omit` says is kept apart.
    pub fn omitting(omit: &'a dyn Fn(&Text) -> bool) -> Writer<'a> {
        Writer {
            out: Vec::new(),
            omit,
        }
    }
}

/// Reads the compact form. Every read is checked: short or malformed bytes give `None`, never a
/// panic, in time linear in their length.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// Chinese and English in turn: the English of a text read without its own.
    english: &'a [&'a str],
}

impl<'a> Reader<'a> {
    /// A reader of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            english: &[],
        }
    }

    /// A reader of `bytes` that gives a text read without its English the one `english` pairs
    /// with its Chinese (Chinese and English in turn).
    pub fn with_english(bytes: &'a [u8], english: &'a [&'a str]) -> Self {
        Reader { bytes, english }
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.bytes.is_empty()
    }

    /// An unsigned number, LEB128.
    pub fn u(&mut self) -> Option<u64> {
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
}

/// A part of a scheme in the compact form: written, and read back the same.
pub trait Codec: Sized {
    /// Writes `self`; `None` where the form cannot hold it (a decimal beyond 64 bits of
    /// mantissa).
    fn write(&self, w: &mut Writer<'_>) -> Option<()>;
    /// Reads one; `None` where the bytes are short or malformed.
    fn read(r: &mut Reader<'_>) -> Option<Self>;
}

impl Codec for u64 {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        w.u(*self);
        Some(())
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        r.u()
    }
}

/// Smaller unsigned numbers, written as a `u64` and read back only where they fit.
macro_rules! small {
    ($($t:ty),*) => {$(
        impl Codec for $t {
            fn write(&self, w: &mut Writer<'_>) -> Option<()> {
                w.u(u64::try_from(*self).ok()?);
                Some(())
            }
            fn read(r: &mut Reader<'_>) -> Option<Self> {
                <$t>::try_from(r.u()?).ok()
            }
        }
    )*};
}
small!(u8, u32, usize);

impl Codec for bool {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        w.u(u64::from(*self));
        Some(())
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(r.u()? != 0)
    }
}

impl Codec for String {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        w.u(self.len() as u64);
        w.out.extend_from_slice(self.as_bytes());
        Some(())
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let len = usize::read(r)?;
        let (head, rest) = r.bytes.split_at_checked(len)?;
        r.bytes = rest;
        String::from_utf8(head.to_vec()).ok()
    }
}

impl Codec for Text {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        self.zh.write(w)?;
        if (w.omit)(self) {
            String::new().write(w)
        } else {
            self.en.write(w)
        }
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let zh = String::read(r)?;
        let mut en = String::read(r)?;
        if en.is_empty()
            && let Some(found) = r.english.chunks_exact(2).find_map(|pair| match pair {
                [z, e] if *z == zh => Some(*e),
                _ => None,
            })
        {
            en = found.to_owned();
        }
        Some(Text { zh, en })
    }
}

impl Codec for Decimal {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        let mantissa = i64::try_from(self.mantissa()).ok()?;
        w.u(((mantissa << 1) ^ (mantissa >> 63)) as u64);
        w.u(u64::from(self.scale()));
        Some(())
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let z = r.u()?;
        let mantissa = ((z >> 1) as i64) ^ -((z & 1) as i64);
        Decimal::try_new(mantissa, u32::read(r)?).ok()
    }
}

impl<T: Codec> Codec for Option<T> {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        match self {
            None => {
                w.u(0);
                Some(())
            }
            Some(v) => {
                w.u(1);
                v.write(w)
            }
        }
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        match r.u()? {
            0 => Some(None),
            _ => T::read(r).map(Some),
        }
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        w.u(self.len() as u64);
        self.iter().try_for_each(|x| x.write(w))
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let len = usize::read(r)?;
        // Collected as read (never allocated from the length a damaged blob claims).
        (0..len).map(|_| T::read(r)).collect()
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn write(&self, w: &mut Writer<'_>) -> Option<()> {
        self.0.write(w)?;
        self.1.write(w)
    }
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some((A::read(r)?, B::read(r)?))
    }
}

/// A record: its fields in the order they are written, each listed once.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Codec for $t {
            fn write(&self, w: &mut Writer<'_>) -> Option<()> {
                let $t { $($f),* } = self;
                $( $f.write(w)?; )*
                Some(())
            }
            fn read(r: &mut Reader<'_>) -> Option<Self> {
                Some($t { $($f: Codec::read(r)?),* })
            }
        }
    };
}

/// An enum: each variant's number, and its fields (a tuple's, or a struct's by name).
macro_rules! variants {
    ($t:ident { $($n:literal => $v:ident $(($($x:ident),*))? $({$($y:ident),*})?),* $(,)? }) => {
        impl Codec for $t {
            fn write(&self, w: &mut Writer<'_>) -> Option<()> {
                match self {
                    $($t::$v $(($($x),*))? $({$($y),*})? => {
                        w.u($n);
                        $($( $x.write(w)?; )*)?
                        $($( $y.write(w)?; )*)?
                    })*
                }
                Some(())
            }
            fn read(r: &mut Reader<'_>) -> Option<Self> {
                Some(match r.u()? {
                    $($n => $t::$v $(($({ let $x = Codec::read(r)?; $x }),*))? $({$($y: Codec::read(r)?),*})?,)*
                    _ => return None,
                })
            }
        }
    };
}

record!(Category { id, name });
record!(Indicator {
    id,
    name,
    max,
    points,
    scoring,
    bonus,
    custom
});
variants!(Scoring { 0 => Add, 1 => Deduct });
record!(Source {
    id,
    name,
    weight,
    input
});
variants!(SourceKind { 0 => Direct, 1 => Indicators, 2 => Vote(scale) });
record!(VoteScale {
    levels,
    satisfied_levels,
    participation
});
record!(VoteLevel {
    name,
    points,
    valid
});
record!(Participation {
    min_share,
    everyone_below
});
record!(Rounding { decimals, mode });
variants!(RoundingMode { 0 => HalfUp, 1 => HalfEven, 2 => Truncate });
record!(Tier {
    name,
    min,
    stars,
    follow_up
});
variants!(TierStars { 0 => None, 1 => Fixed(stars), 2 => Split { at, above, below } });
record!(Stars { levels, cap });
record!(StarLevel {
    stars,
    name,
    confirmer
});
record!(StarCap {
    stars,
    share,
    base,
    rounding,
    scope,
    demote_to
});
variants!(CapBase { 0 => All, 1 => Tier(tier) });
record!(Distribution {
    min_lowest,
    max_top
});
record!(Quota {
    share,
    rounding,
    scope,
    per_category
});
variants!(QuotaRounding { 0 => Ceil, 1 => Floor, 2 => Round });
variants!(Scope { 0 => All, 1 => Category });
record!(Veto { id, name, limit });
record!(SatisfactionCap {
    source,
    below,
    limit
});
variants!(Limit { 0 => ForceTier(tier), 1 => TierAtMost(tier), 2 => StarsAtMost(stars) });
record!(Scheme {
    format,
    id,
    name,
    citation,
    categories,
    indicators,
    category_indicators,
    bonus_cap,
    sources,
    rounding,
    tiers,
    stars,
    distribution,
    vetoes,
    satisfaction_caps,
});

/// A scheme in the compact form; `None` for a value the form cannot hold (a decimal beyond 64
/// bits of mantissa).
pub fn encode(scheme: &Scheme) -> Option<Vec<u8>> {
    let mut w = Writer::new();
    scheme.write(&mut w)?;
    Some(w.finish())
}

/// A scheme from its compact form, checked as a scheme file is ([`Scheme::validate`]); `None`
/// where the bytes are short, damaged, longer than one scheme, or not a valid scheme.
pub fn decode(bytes: &[u8]) -> Option<Scheme> {
    let mut r = Reader::new(bytes);
    let scheme = Scheme::read(&mut r)?;
    (r.is_done() && scheme.validate().is_ok()).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Codec + PartialEq + std::fmt::Debug>(v: T) {
        let mut w = Writer::new();
        v.write(&mut w).unwrap();
        let bytes = w.finish();
        let mut r = Reader::new(&bytes);
        assert_eq!(T::read(&mut r).as_ref(), Some(&v));
        assert!(r.is_done());
        // Cut short anywhere: nothing, never a panic.
        for cut in 0..bytes.len() {
            assert_eq!(
                T::read(&mut Reader::new(&bytes[..cut])),
                None,
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn each_kind_of_part_reads_back_as_written() {
        round_trip(Decimal::new(-8918, 2));
        round_trip(Decimal::new(i64::MAX, 28));
        round_trip(Some(Text::new("好", "Good")));
        round_trip(vec![("village".to_owned(), Decimal::new(5, 0))]);
        round_trip(TierStars::Split {
            at: Decimal::new(95, 0),
            above: 5,
            below: 4,
        });
        round_trip(Limit::StarsAtMost(3));
        round_trip(CapBase::Tier(1));
        round_trip(Scope::Category);
    }

    #[test]
    fn the_bytes_are_those_of_the_form_described() {
        // 0x2c (44 = 22 zigzagged) 0x01: 2.2; an option's 1 first; a variant's number first.
        let mut w = Writer::new();
        Some(Decimal::new(22, 1)).write(&mut w).unwrap();
        TierStars::Fixed(3).write(&mut w).unwrap();
        Text::new("好", "").write(&mut w).unwrap();
        assert_eq!(
            w.finish(),
            [1, 44, 1, 1, 3, 3, 0xe5, 0xa5, 0xbd, 0],
            "option, decimal, variant, then a text as two strings"
        );
    }

    #[test]
    fn an_unknown_variant_or_a_decimal_too_large_is_refused() {
        assert_eq!(TierStars::read(&mut Reader::new(&[3])), None);
        let huge = Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 0);
        assert_eq!(huge.write(&mut Writer::new()), None);
    }

    #[test]
    fn a_length_past_the_bytes_is_refused_without_allocating_it() {
        // A list claiming 2^62 items, then nothing.
        let mut w = Writer::new();
        w.u(1 << 62);
        assert_eq!(Vec::<u64>::read(&mut Reader::new(&w.finish())), None);
    }
}

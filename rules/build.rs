//! Compiles the preset scheme files (`presets/*.json`) into Rust constructors, so that the app's
//! first load carries the presets without a JSON reader for schemes (about 57 KiB of gzip wasm:
//! the reader lives in the worker that imports scheme files).
//!
//! This mirrors the serde attributes of `src/scheme.rs` and `src/tier.rs`: defaults for the same
//! fields, an error for an unknown field. The test `presets::tests::generated_equals_json`
//! checks that every preset built here equals the same file read by `Scheme::from_json`, so the
//! two cannot drift apart unnoticed.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

/// The preset files, in the order users see them.
const FILES: [&str; 7] = [
    "b-township.json",
    "a-guizhou.json",
    "c-county.json",
    "zunyi-5-2-x.json",
    "zzb-organ.json",
    "tianjin-xiqing.json",
    "nwafu.json",
];

type Obj = Map<String, Value>;

/// A build script reports a broken preset file by failing the build with the reason.
#[allow(clippy::panic)]
fn fail(file: &str, msg: String) -> ! {
    panic!("presets/{file}: {msg}")
}

struct Gen<'a> {
    file: &'a str,
}

impl Gen<'_> {
    fn obj<'v>(&self, v: &'v Value, what: &str, fields: &[&str]) -> &'v Obj {
        let Some(o) = v.as_object() else {
            fail(self.file, format!("{what} is not an object"))
        };
        for key in o.keys() {
            if !fields.contains(&key.as_str()) {
                fail(self.file, format!("unknown field `{key}` in {what}"));
            }
        }
        o
    }

    fn req<'v>(&self, o: &'v Obj, key: &str) -> &'v Value {
        o.get(key)
            .unwrap_or_else(|| fail(self.file, format!("missing field `{key}`")))
    }

    fn string(&self, v: &Value) -> String {
        match v.as_str() {
            Some(s) => format!("{s:?}.into()"),
            None => fail(self.file, format!("{v} is not a string")),
        }
    }

    fn uint(&self, v: &Value) -> u64 {
        v.as_u64()
            .unwrap_or_else(|| fail(self.file, format!("{v} is not a whole number")))
    }

    fn text(&self, v: Option<&Value>) -> String {
        let Some(v) = v else {
            return "Text::default()".into();
        };
        let o = self.obj(v, "text", &["zh", "en"]);
        let zh = o.get("zh").and_then(Value::as_str).unwrap_or("");
        let en = o.get("en").and_then(Value::as_str).unwrap_or("");
        format!("t({zh:?}, {en:?})")
    }

    fn dec(&self, v: &Value) -> String {
        let s = match v {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) if n.is_u64() || n.is_i64() => n.to_string(),
            _ => fail(self.file, format!("{v}: write decimals as strings")),
        };
        let (neg, digits) = s
            .strip_prefix('-')
            .map_or((false, s.as_str()), |d| (true, d));
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty()
            || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        {
            fail(self.file, format!("“{s}” is not a number"));
        }
        let mantissa: i64 = format!("{int}{frac}")
            .parse()
            .unwrap_or_else(|_| fail(self.file, format!("“{s}” is too long")));
        format!(
            "d({}, {})",
            if neg { -mantissa } else { mantissa },
            frac.len()
        )
    }

    fn opt_dec(&self, v: Option<&Value>) -> String {
        match v {
            None | Some(Value::Null) => "None".into(),
            Some(v) => format!("Some({})", self.dec(v)),
        }
    }

    fn list(&self, v: Option<&Value>, item: impl Fn(&Value) -> String) -> String {
        match v {
            None => "Vec::new()".into(),
            Some(Value::Array(items)) => {
                format!(
                    "vec![{}]",
                    items.iter().map(item).collect::<Vec<_>>().join(", ")
                )
            }
            Some(other) => fail(self.file, format!("{other} is not a list")),
        }
    }

    fn map(&self, v: Option<&Value>, item: impl Fn(&Value) -> String) -> String {
        match v {
            None => "BTreeMap::new()".into(),
            Some(Value::Object(o)) => format!(
                "BTreeMap::from([{}])",
                o.iter()
                    .map(|(k, v)| format!("({k:?}.to_owned(), {})", item(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(other) => fail(self.file, format!("{other} is not a map")),
        }
    }

    fn bool_or(&self, v: Option<&Value>, default: bool) -> bool {
        v.map_or(default, |v| {
            v.as_bool()
                .unwrap_or_else(|| fail(self.file, format!("{v} is not true/false")))
        })
    }

    fn variant(&self, v: &Value, what: &str) -> (String, Option<Value>) {
        match v {
            Value::String(s) => (s.clone(), None),
            Value::Object(o) if o.len() == 1 => {
                let (k, inner) = o.iter().next().unwrap_or_else(|| unreachable!());
                (k.clone(), Some(inner.clone()))
            }
            _ => fail(self.file, format!("{v} is not a {what}")),
        }
    }

    fn enum_unit(&self, v: Option<&Value>, default: &str, allowed: &[(&str, &str)]) -> String {
        let name = v.map_or(default, |v| {
            v.as_str()
                .unwrap_or_else(|| fail(self.file, format!("{v}")))
        });
        allowed
            .iter()
            .find(|(json, _)| *json == name)
            .map(|(_, rust)| (*rust).to_owned())
            .unwrap_or_else(|| fail(self.file, format!("unknown value “{name}”")))
    }

    fn quota_rounding(&self, v: Option<&Value>, default: &str) -> String {
        self.enum_unit(
            v,
            default,
            &[
                ("ceil", "QuotaRounding::Ceil"),
                ("floor", "QuotaRounding::Floor"),
                ("round", "QuotaRounding::Round"),
            ],
        )
    }

    fn scope(&self, v: Option<&Value>) -> String {
        self.enum_unit(
            v,
            "all",
            &[("all", "Scope::All"), ("category", "Scope::Category")],
        )
    }

    fn limit(&self, v: &Value) -> String {
        let (k, inner) = self.variant(v, "limit");
        let n = inner
            .as_ref()
            .map(|i| self.uint(i))
            .unwrap_or_else(|| fail(self.file, "limit without value".into()));
        match k.as_str() {
            "force_tier" => format!("Limit::ForceTier({n})"),
            "tier_at_most" => format!("Limit::TierAtMost({n})"),
            "stars_at_most" => format!("Limit::StarsAtMost({n})"),
            other => fail(self.file, format!("unknown limit `{other}`")),
        }
    }

    fn indicator(&self, v: &Value) -> String {
        let o = self.obj(
            v,
            "indicator",
            &["id", "name", "max", "points", "scoring", "bonus", "custom"],
        );
        format!(
            "Indicator {{ id: {}, name: {}, max: {}, points: {}, scoring: {}, bonus: {}, custom: {} }}",
            self.string(self.req(o, "id")),
            self.text(o.get("name")),
            self.dec(self.req(o, "max")),
            self.text(o.get("points")),
            self.enum_unit(
                o.get("scoring"),
                "add",
                &[("add", "Scoring::Add"), ("deduct", "Scoring::Deduct")]
            ),
            self.bool_or(o.get("bonus"), false),
            self.bool_or(o.get("custom"), false),
        )
    }

    fn source(&self, v: &Value) -> String {
        let o = self.obj(v, "source", &["id", "name", "weight", "input"]);
        let (kind, inner) = self.variant(self.req(o, "input"), "source input");
        let input = match (kind.as_str(), inner) {
            ("direct", None) => "SourceKind::Direct".to_owned(),
            ("indicators", None) => "SourceKind::Indicators".to_owned(),
            ("vote", Some(scale)) => {
                let s = self.obj(
                    &scale,
                    "vote",
                    &["levels", "satisfied_levels", "participation"],
                );
                let levels = self.list(s.get("levels"), |l| {
                    let l = self.obj(l, "vote level", &["name", "points", "valid"]);
                    format!(
                        "VoteLevel {{ name: {}, points: {}, valid: {} }}",
                        self.text(l.get("name")),
                        self.dec(self.req(l, "points")),
                        self.bool_or(l.get("valid"), true)
                    )
                });
                let participation = match s.get("participation") {
                    None | Some(Value::Null) => "None".to_owned(),
                    Some(p) => {
                        let p = self.obj(p, "participation", &["min_share", "everyone_below"]);
                        let below = p
                            .get("everyone_below")
                            .map_or("None".to_owned(), |b| format!("Some({})", self.uint(b)));
                        format!(
                            "Some(Participation {{ min_share: {}, everyone_below: {below} }})",
                            self.dec(self.req(p, "min_share"))
                        )
                    }
                };
                format!(
                    "SourceKind::Vote(VoteScale {{ levels: {levels}, satisfied_levels: {}, participation: {participation} }})",
                    s.get("satisfied_levels").map_or(1, |n| self.uint(n))
                )
            }
            (other, _) => fail(self.file, format!("unknown source input `{other}`")),
        };
        format!(
            "Source {{ id: {}, name: {}, weight: {}, input: {input} }}",
            self.string(self.req(o, "id")),
            self.text(o.get("name")),
            self.dec(self.req(o, "weight")),
        )
    }

    fn tier(&self, v: &Value) -> String {
        let o = self.obj(v, "tier", &["name", "min", "stars", "follow_up"]);
        let stars = match o.get("stars") {
            None => "TierStars::None".to_owned(),
            Some(s) => match self.variant(s, "tier stars") {
                (k, Some(n)) if k == "fixed" => format!("TierStars::Fixed({})", self.uint(&n)),
                (k, Some(split)) if k == "split" => {
                    let s = self.obj(&split, "split", &["at", "above", "below"]);
                    format!(
                        "TierStars::Split {{ at: {}, above: {}, below: {} }}",
                        self.dec(self.req(s, "at")),
                        self.uint(self.req(s, "above")),
                        self.uint(self.req(s, "below"))
                    )
                }
                (k, None) if k == "none" => "TierStars::None".to_owned(),
                (k, _) => fail(self.file, format!("unknown tier stars `{k}`")),
            },
        };
        format!(
            "Tier {{ name: {}, min: {}, stars: {stars}, follow_up: {} }}",
            self.text(o.get("name")),
            self.opt_dec(o.get("min")),
            self.text(o.get("follow_up")),
        )
    }

    fn quota(&self, v: Option<&Value>) -> String {
        match v {
            None | Some(Value::Null) => "None".into(),
            Some(q) => {
                let q = self.obj(q, "quota", &["share", "rounding", "scope", "per_category"]);
                format!(
                    "Some(Quota {{ share: {}, rounding: {}, scope: {}, per_category: {} }})",
                    self.dec(self.req(q, "share")),
                    self.quota_rounding(Some(self.req(q, "rounding")), "ceil"),
                    self.scope(q.get("scope")),
                    self.map(q.get("per_category"), |d| self.dec(d)),
                )
            }
        }
    }

    fn stars(&self, v: Option<&Value>) -> String {
        let Some(v) = v.filter(|v| !v.is_null()) else {
            return "None".into();
        };
        let o = self.obj(v, "stars", &["levels", "cap"]);
        let levels = self.list(o.get("levels"), |l| {
            let l = self.obj(l, "star level", &["stars", "name", "confirmer"]);
            format!(
                "StarLevel {{ stars: {}, name: {}, confirmer: {} }}",
                self.uint(self.req(l, "stars")),
                self.text(l.get("name")),
                self.text(l.get("confirmer"))
            )
        });
        let cap = match o.get("cap") {
            None | Some(Value::Null) => "None".to_owned(),
            Some(c) => {
                let c = self.obj(
                    c,
                    "star cap",
                    &["stars", "share", "base", "rounding", "scope", "demote_to"],
                );
                let base = match self.variant(self.req(c, "base"), "cap base") {
                    (k, None) if k == "all" => "CapBase::All".to_owned(),
                    (k, Some(t)) if k == "tier" => format!("CapBase::Tier({})", self.uint(&t)),
                    (k, _) => fail(self.file, format!("unknown cap base `{k}`")),
                };
                format!(
                    "Some(StarCap {{ stars: {}, share: {}, base: {base}, rounding: {}, scope: {}, demote_to: {} }})",
                    self.uint(self.req(c, "stars")),
                    self.dec(self.req(c, "share")),
                    self.quota_rounding(c.get("rounding"), "floor"),
                    self.scope(c.get("scope")),
                    self.uint(self.req(c, "demote_to")),
                )
            }
        };
        format!("Some(Stars {{ levels: {levels}, cap: {cap} }})")
    }

    fn scheme(&self, v: &Value) -> String {
        let o = self.obj(
            v,
            "scheme",
            &[
                "format",
                "id",
                "name",
                "citation",
                "categories",
                "indicators",
                "category_indicators",
                "bonus_cap",
                "sources",
                "rounding",
                "tiers",
                "stars",
                "distribution",
                "vetoes",
                "satisfaction_caps",
            ],
        );
        let rounding = match o.get("rounding") {
            None => "Rounding::default()".to_owned(),
            Some(r) => {
                let r = self.obj(r, "rounding", &["decimals", "mode"]);
                format!(
                    "Rounding {{ decimals: {}, mode: {} }}",
                    self.uint(self.req(r, "decimals")),
                    self.enum_unit(
                        r.get("mode"),
                        "half_up",
                        &[
                            ("half_up", "RoundingMode::HalfUp"),
                            ("half_even", "RoundingMode::HalfEven"),
                            ("truncate", "RoundingMode::Truncate")
                        ]
                    )
                )
            }
        };
        let distribution = match o.get("distribution") {
            None => "Distribution::default()".to_owned(),
            Some(d) => {
                let d = self.obj(d, "distribution", &["min_lowest", "max_top"]);
                format!(
                    "Distribution {{ min_lowest: {}, max_top: {} }}",
                    self.quota(d.get("min_lowest")),
                    self.quota(d.get("max_top"))
                )
            }
        };
        format!(
            "Scheme {{ format: {}, id: {}, name: {}, citation: {}, categories: {}, indicators: {}, \
             category_indicators: {}, bonus_cap: {}, sources: {}, rounding: {rounding}, tiers: {}, stars: {}, \
             distribution: {distribution}, vetoes: {}, satisfaction_caps: {} }}",
            self.uint(self.req(o, "format")),
            self.string(self.req(o, "id")),
            self.text(o.get("name")),
            self.text(o.get("citation")),
            self.list(o.get("categories"), |c| {
                let c = self.obj(c, "category", &["id", "name"]);
                format!(
                    "Category {{ id: {}, name: {} }}",
                    self.string(self.req(c, "id")),
                    self.text(c.get("name"))
                )
            }),
            self.list(o.get("indicators"), |i| self.indicator(i)),
            self.map(o.get("category_indicators"), |set| self
                .list(Some(set), |i| self.indicator(i))),
            self.opt_dec(o.get("bonus_cap")),
            self.list(o.get("sources"), |s| self.source(s)),
            self.list(o.get("tiers"), |t| self.tier(t)),
            self.stars(o.get("stars")),
            self.list(o.get("vetoes"), |v| {
                let v = self.obj(v, "veto", &["id", "name", "limit"]);
                format!(
                    "Veto {{ id: {}, name: {}, limit: {} }}",
                    self.string(self.req(v, "id")),
                    self.text(v.get("name")),
                    self.limit(self.req(v, "limit"))
                )
            }),
            self.list(o.get("satisfaction_caps"), |c| {
                let c = self.obj(c, "satisfaction cap", &["source", "below", "limit"]);
                format!(
                    "SatisfactionCap {{ source: {}, below: {}, limit: {} }}",
                    self.string(self.req(c, "source")),
                    self.dec(self.req(c, "below")),
                    self.limit(self.req(c, "limit"))
                )
            }),
        )
    }
}

fn main() {
    let dir = Path::new("presets");
    let mut out = String::from(
        "// Generated by build.rs from presets/*.json: do not edit.\n\
         fn t(zh: &str, en: &str) -> Text { Text { zh: zh.to_owned(), en: en.to_owned() } }\n\
         fn d(mantissa: i64, scale: u32) -> Decimal { Decimal::new(mantissa, scale) }\n",
    );
    let mut names = Vec::new();
    for (i, file) in FILES.iter().enumerate() {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(file, e.to_string()));
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| fail(file, e.to_string()));
        let code = Gen { file }.scheme(&value);
        let _ = writeln!(out, "fn preset_{i}() -> Scheme {{ {code} }}");
        names.push(format!("preset_{i}()"));
    }
    let _ = writeln!(
        out,
        "/// Every preset, in order.\npub(crate) fn generated() -> Vec<Scheme> {{ vec![{}] }}",
        names.join(", ")
    );
    let _ = writeln!(
        out,
        "/// The preset files, for the test that checks the generated code.\n#[cfg(test)]\npub(crate) const FILES: [&str; {}] = [{}];",
        FILES.len(),
        FILES
            .iter()
            .map(|f| format!(
                "include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/presets/{f}\"))"
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir =
        std::env::var("OUT_DIR").unwrap_or_else(|_| fail("-", "OUT_DIR is not set".into()));
    std::fs::write(Path::new(&out_dir).join("presets.rs"), out)
        .unwrap_or_else(|e| fail("-", e.to_string()));
}

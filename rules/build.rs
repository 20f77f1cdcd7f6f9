//! Compiles the preset scheme files (`presets/*.json`) into a compact binary form that
//! `src/presets.rs` decodes, so that the app's first load carries the presets without a JSON
//! reader for schemes (the reader lives in the worker that imports scheme files) and without
//! constructor code for each of their fields.
//!
//! This mirrors the serde attributes of `src/scheme.rs` and `src/tier.rs`: defaults for the same
//! fields, an error for an unknown field. The test `presets::tests::decoded_equals_json` checks
//! that every preset decoded from here equals the same file read by `Scheme::from_json`, so the
//! two cannot drift apart unnoticed.
//!
//! The encoding: unsigned numbers as LEB128; signed ones zigzag first; a string as its length
//! and UTF-8 bytes; a text as its Chinese then its English; a decimal as its mantissa and scale;
//! an option as 0, or 1 and the value; a list as its length and its items; a small map as a list
//! of key and value; an enum as its variant number and its fields.
//!
//! A text's English is left out (written empty) where the presets give that Chinese one English
//! only: those pairs are written apart, to `presets-en.txt` (a line `zh<TAB>en` each), and
//! `src/presets.rs` puts them back as it reads. The pages take the pairs from the English
//! catalogue when English is chosen (`scripts/post-build.mjs` gathers them from the same files
//! by the same rule), so that their first load does not carry the presets' English.

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

struct Enc<'a> {
    file: &'a str,
    out: Vec<u8>,
    /// Each Chinese text's English where the presets give it one English only.
    english: &'a English,
}

/// The presets' texts: each Chinese with its English, `None` where the files give two.
type English = std::collections::BTreeMap<String, Option<String>>;

/// Every object of `v` with a string `zh` and a non-empty string `en`, into `pairs` (the rule
/// `scripts/post-build.mjs` follows; a text with a tab or a line break stays whole).
fn gather(v: &Value, pairs: &mut English) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(zh)), Some(Value::String(en))) = (o.get("zh"), o.get("en"))
                && !en.is_empty()
                && ![zh, en].iter().any(|t| t.contains(['\t', '\n']))
            {
                let kept = pairs.entry(zh.clone()).or_insert_with(|| Some(en.clone()));
                if kept.as_ref() != Some(en) {
                    *kept = None;
                }
            }
            o.values().for_each(|v| gather(v, pairs));
        }
        Value::Array(items) => items.iter().for_each(|v| gather(v, pairs)),
        _ => {}
    }
}

impl Enc<'_> {
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

    fn i(&mut self, n: i64) {
        self.u(((n << 1) ^ (n >> 63)) as u64);
    }

    fn bytes(&mut self, s: &str) {
        self.u(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

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

    fn string(&mut self, v: &Value) {
        match v.as_str() {
            Some(s) => self.bytes(s),
            None => fail(self.file, format!("{v} is not a string")),
        }
    }

    fn uint(&self, v: &Value) -> u64 {
        v.as_u64()
            .unwrap_or_else(|| fail(self.file, format!("{v} is not a whole number")))
    }

    fn num(&mut self, v: &Value) {
        let n = self.uint(v);
        self.u(n);
    }

    fn text(&mut self, v: Option<&Value>) {
        let (zh, en) = match v {
            None => (String::new(), String::new()),
            Some(v) => {
                let o = self.obj(v, "text", &["zh", "en"]);
                let get = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
                (get("zh"), get("en"))
            }
        };
        self.bytes(&zh);
        let apart = self
            .english
            .get(&zh)
            .is_some_and(|e| e.as_ref() == Some(&en));
        self.bytes(if apart { "" } else { &en });
    }

    fn dec(&mut self, v: &Value) {
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
        self.i(if neg { -mantissa } else { mantissa });
        self.u(frac.len() as u64);
    }

    fn opt_dec(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.u(0),
            Some(v) => {
                self.u(1);
                self.dec(v);
            }
        }
    }

    fn list(&mut self, v: Option<&Value>, mut item: impl FnMut(&mut Self, &Value)) {
        match v {
            None => self.u(0),
            Some(Value::Array(items)) => {
                self.u(items.len() as u64);
                for i in items {
                    item(self, i);
                }
            }
            Some(other) => fail(self.file, format!("{other} is not a list")),
        }
    }

    fn map(&mut self, v: Option<&Value>, mut item: impl FnMut(&mut Self, &Value)) {
        match v {
            None => self.u(0),
            Some(Value::Object(o)) => {
                self.u(o.len() as u64);
                for (k, v) in o {
                    self.bytes(k);
                    item(self, v);
                }
            }
            Some(other) => fail(self.file, format!("{other} is not a map")),
        }
    }

    fn flag(&mut self, v: Option<&Value>, default: bool) {
        let b = v.map_or(default, |v| {
            v.as_bool()
                .unwrap_or_else(|| fail(self.file, format!("{v} is not true/false")))
        });
        self.u(u64::from(b));
    }

    fn variant(&self, v: &Value, what: &str) -> (String, Option<Value>) {
        match v {
            Value::String(s) => (s.clone(), None),
            Value::Object(o) if o.len() == 1 => {
                let (k, inner) = o
                    .iter()
                    .next()
                    .unwrap_or_else(|| fail(self.file, format!("empty {what}")));
                (k.clone(), Some(inner.clone()))
            }
            _ => fail(self.file, format!("{v} is not a {what}")),
        }
    }

    fn choice(&mut self, v: Option<&Value>, default: &str, names: &[&str]) {
        let name = v.map_or(default, |v| {
            v.as_str()
                .unwrap_or_else(|| fail(self.file, format!("{v}")))
        });
        let index = names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| fail(self.file, format!("unknown value “{name}”")));
        self.u(index as u64);
    }

    fn limit(&mut self, v: &Value) {
        let (k, inner) = self.variant(v, "limit");
        let n = inner
            .as_ref()
            .map(|i| self.uint(i))
            .unwrap_or_else(|| fail(self.file, "limit without value".into()));
        let variant = ["force_tier", "tier_at_most", "stars_at_most"]
            .iter()
            .position(|x| *x == k)
            .unwrap_or_else(|| fail(self.file, format!("unknown limit `{k}`")));
        self.u(variant as u64);
        self.u(n);
    }

    fn indicator(&mut self, v: &Value) {
        let o = self.obj(
            v,
            "indicator",
            &["id", "name", "max", "points", "scoring", "bonus", "custom"],
        );
        self.string(self.req(o, "id"));
        self.text(o.get("name"));
        self.dec(self.req(o, "max"));
        self.text(o.get("points"));
        self.choice(o.get("scoring"), "add", &["add", "deduct"]);
        self.flag(o.get("bonus"), false);
        self.flag(o.get("custom"), false);
    }

    fn source(&mut self, v: &Value) {
        let o = self.obj(v, "source", &["id", "name", "weight", "input"]);
        self.string(self.req(o, "id"));
        self.text(o.get("name"));
        self.dec(self.req(o, "weight"));
        match self.variant(self.req(o, "input"), "source input") {
            (k, None) if k == "direct" => self.u(0),
            (k, None) if k == "indicators" => self.u(1),
            (k, Some(scale)) if k == "vote" => {
                self.u(2);
                let s = self.obj(
                    &scale,
                    "vote",
                    &["levels", "satisfied_levels", "participation"],
                );
                self.list(s.get("levels"), |e, l| {
                    let l = e.obj(l, "vote level", &["name", "points", "valid"]);
                    e.text(l.get("name"));
                    e.dec(e.req(l, "points"));
                    e.flag(l.get("valid"), true);
                });
                let satisfied = s.get("satisfied_levels").map_or(1, |n| self.uint(n));
                self.u(satisfied);
                match s.get("participation") {
                    None | Some(Value::Null) => self.u(0),
                    Some(p) => {
                        self.u(1);
                        let p = self.obj(p, "participation", &["min_share", "everyone_below"]);
                        self.dec(self.req(p, "min_share"));
                        match p.get("everyone_below") {
                            None => self.u(0),
                            Some(b) => {
                                self.u(1);
                                self.num(b);
                            }
                        }
                    }
                }
            }
            (k, _) => fail(self.file, format!("unknown source input `{k}`")),
        }
    }

    fn tier(&mut self, v: &Value) {
        let o = self.obj(v, "tier", &["name", "min", "stars", "follow_up"]);
        self.text(o.get("name"));
        self.opt_dec(o.get("min"));
        match o.get("stars").map(|s| self.variant(s, "tier stars")) {
            None => self.u(0),
            Some((k, None)) if k == "none" => self.u(0),
            Some((k, Some(n))) if k == "fixed" => {
                self.u(1);
                self.num(&n);
            }
            Some((k, Some(split))) if k == "split" => {
                self.u(2);
                let s = self.obj(&split, "split", &["at", "above", "below"]);
                self.dec(self.req(s, "at"));
                self.num(self.req(s, "above"));
                self.num(self.req(s, "below"));
            }
            Some((k, _)) => fail(self.file, format!("unknown tier stars `{k}`")),
        }
        self.text(o.get("follow_up"));
    }

    fn quota(&mut self, v: Option<&Value>) {
        match v {
            None | Some(Value::Null) => self.u(0),
            Some(q) => {
                self.u(1);
                let q = self.obj(q, "quota", &["share", "rounding", "scope", "per_category"]);
                self.dec(self.req(q, "share"));
                self.choice(
                    Some(self.req(q, "rounding")),
                    "ceil",
                    &["ceil", "floor", "round"],
                );
                self.choice(q.get("scope"), "all", &["all", "category"]);
                self.map(q.get("per_category"), |e, d| e.dec(d));
            }
        }
    }

    fn stars(&mut self, v: Option<&Value>) {
        let Some(v) = v.filter(|v| !v.is_null()) else {
            return self.u(0);
        };
        self.u(1);
        let o = self.obj(v, "stars", &["levels", "cap"]);
        self.list(o.get("levels"), |e, l| {
            let l = e.obj(l, "star level", &["stars", "name", "confirmer"]);
            e.num(e.req(l, "stars"));
            e.text(l.get("name"));
            e.text(l.get("confirmer"));
        });
        match o.get("cap") {
            None | Some(Value::Null) => self.u(0),
            Some(c) => {
                self.u(1);
                let c = self.obj(
                    c,
                    "star cap",
                    &["stars", "share", "base", "rounding", "scope", "demote_to"],
                );
                self.num(self.req(c, "stars"));
                self.dec(self.req(c, "share"));
                match self.variant(self.req(c, "base"), "cap base") {
                    (k, None) if k == "all" => self.u(0),
                    (k, Some(t)) if k == "tier" => {
                        self.u(1);
                        self.num(&t);
                    }
                    (k, _) => fail(self.file, format!("unknown cap base `{k}`")),
                }
                self.choice(c.get("rounding"), "floor", &["ceil", "floor", "round"]);
                self.choice(c.get("scope"), "all", &["all", "category"]);
                self.num(self.req(c, "demote_to"));
            }
        }
    }

    fn scheme(&mut self, v: &Value) {
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
        self.num(self.req(o, "format"));
        self.string(self.req(o, "id"));
        self.text(o.get("name"));
        self.text(o.get("citation"));
        self.list(o.get("categories"), |e, c| {
            let c = e.obj(c, "category", &["id", "name"]);
            e.string(e.req(c, "id"));
            e.text(c.get("name"));
        });
        self.list(o.get("indicators"), |e, i| e.indicator(i));
        self.map(o.get("category_indicators"), |e, set| {
            e.list(Some(set), |e, i| e.indicator(i))
        });
        self.opt_dec(o.get("bonus_cap"));
        self.list(o.get("sources"), |e, s| e.source(s));
        match o.get("rounding") {
            None => {
                self.u(2);
                self.u(0);
            }
            Some(r) => {
                let r = self.obj(r, "rounding", &["decimals", "mode"]);
                self.num(self.req(r, "decimals"));
                self.choice(
                    r.get("mode"),
                    "half_up",
                    &["half_up", "half_even", "truncate"],
                );
            }
        }
        self.list(o.get("tiers"), |e, t| e.tier(t));
        self.stars(o.get("stars"));
        match o.get("distribution") {
            None => {
                self.u(0);
                self.u(0);
            }
            Some(d) => {
                let d = self.obj(d, "distribution", &["min_lowest", "max_top"]);
                self.quota(d.get("min_lowest"));
                self.quota(d.get("max_top"));
            }
        }
        self.list(o.get("vetoes"), |e, v| {
            let v = e.obj(v, "veto", &["id", "name", "limit"]);
            e.string(e.req(v, "id"));
            e.text(v.get("name"));
            e.limit(e.req(v, "limit"));
        });
        self.list(o.get("satisfaction_caps"), |e, c| {
            let c = e.obj(c, "satisfaction cap", &["source", "below", "limit"]);
            e.string(e.req(c, "source"));
            e.dec(e.req(c, "below"));
            e.limit(e.req(c, "limit"));
        });
    }
}

fn main() {
    let dir = Path::new("presets");
    let values: Vec<(&str, Value)> = FILES
        .iter()
        .map(|&file| {
            let path = dir.join(file);
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(file, e.to_string()));
            let value = serde_json::from_str(&text).unwrap_or_else(|e| fail(file, e.to_string()));
            (file, value)
        })
        .collect();
    let mut english = English::new();
    values.iter().for_each(|(_, v)| gather(v, &mut english));
    let mut blob = Vec::new();
    let mut count = 0u64;
    for (file, value) in &values {
        let mut enc = Enc {
            file,
            out: Vec::new(),
            english: &english,
        };
        enc.scheme(value);
        blob.extend(enc.out);
        count += 1;
    }
    let mut head = Enc {
        file: "-",
        out: Vec::new(),
        english: &english,
    };
    head.u(count);
    head.out.extend(blob);
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir =
        std::env::var("OUT_DIR").unwrap_or_else(|_| fail("-", "OUT_DIR is not set".into()));
    let out = Path::new(&out_dir);
    std::fs::write(out.join("presets.bin"), head.out).unwrap_or_else(|e| fail("-", e.to_string()));
    let pairs: String = english
        .iter()
        .filter_map(|(zh, en)| Some(format!("{zh}\t{}\n", en.as_ref()?)))
        .collect();
    std::fs::write(out.join("presets-en.txt"), pairs).unwrap_or_else(|e| fail("-", e.to_string()));
    let list = FILES
        .iter()
        .map(|f| format!("include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/presets/{f}\"))"))
        .collect::<Vec<_>>()
        .join(", ");
    let files = format!(
        "/// The preset files, for the test that checks the decoding.\n#[cfg(test)]\npub(crate) const FILES: [&str; {}] = [{list}];\n",
        FILES.len()
    );
    std::fs::write(out.join("preset_files.rs"), files).unwrap_or_else(|e| fail("-", e.to_string()));
}

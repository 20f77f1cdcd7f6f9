//! A scheme as a link carries it (`#scheme=…` on either page): written as short as it can be,
//! read back and checked as a scheme file is, or why not.

use dingji_rules::Scheme;

/// A scheme as a link carries it (after [`crate::wire::schemes::SCHEME_LINK`]), as short as it can
/// be put: the changes from the preset it is closest to, as a JSON merge patch (RFC 7386, with
/// one addition: an array of unchanged length is patched item by item, as an object keyed by
/// index) after the preset's id and `~` (`B~eyJzb3VyY2VzIjp7…`), or, where no preset is closer,
/// the scheme's saved form whole. `None` if the scheme cannot be put in either.
pub fn scheme_link(scheme: &Scheme) -> Option<String> {
    let whole = crate::wire::schemes::scheme_data(scheme).map(|d| d.to_string());
    let new = serde_json::to_value(scheme).ok()?;
    let patched = dingji_rules::presets::all()
        .into_iter()
        .filter_map(|preset| {
            let base = serde_json::to_value(&preset).ok()?;
            let patch = merge_diff(&base, &new);
            // Kept only where the patch gives the scheme back exactly.
            let mut back = base;
            merge_apply(&mut back, &patch);
            (back == new).then(|| {
                format!(
                    "{}~{}",
                    preset.id,
                    crate::wire::base64::encode(patch.to_string().as_bytes())
                )
            })
        });
    whole.into_iter().chain(patched).min_by_key(String::len)
}

/// Why the scheme a link carries cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkFault {
    /// It does not read (the link cut short or changed).
    Damaged,
    /// It reads, and is not a valid scheme: the scheme file's error.
    Wrong(dingji_rules::Error),
}

impl LinkFault {
    /// Why, in `lang`, without what the page keeps instead.
    pub fn reason(&self, lang: dingji_rules::Lang) -> String {
        let t = crate::tools::strings::tool_strings(lang);
        match self {
            LinkFault::Damaged => t.link_damaged().to_owned(),
            LinkFault::Wrong(e) => crate::shared::i18n::fill(t.link_wrong(), &[&e.message(lang)]),
        }
    }
}

/// The scheme a link carries ([`scheme_link`]'s form), checked as a scheme file is.
pub fn scheme_in_link(data: &str) -> Result<Scheme, LinkFault> {
    let Some((id, patch)) = data.split_once('~') else {
        return crate::wire::schemes::read_scheme_data(data).ok_or(LinkFault::Damaged);
    };
    let preset = dingji_rules::presets::by_id(id).map_err(|_| LinkFault::Damaged)?;
    let bytes = crate::wire::base64::decode(patch).ok_or(LinkFault::Damaged)?;
    let patch: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| LinkFault::Damaged)?;
    let mut value = serde_json::to_value(&preset).map_err(|_| LinkFault::Damaged)?;
    merge_apply(&mut value, &patch);
    let scheme: Scheme = serde_json::from_value(value).map_err(|_| LinkFault::Damaged)?;
    scheme.validate().map_err(LinkFault::Wrong)?;
    Ok(scheme)
}

/// The scheme a link carries, for the list's workshop: or why not, in `lang`, with what the
/// workshop shows instead.
pub fn read_scheme_link(
    data: &str,
    lang: dingji_rules::Lang,
) -> Result<Scheme, crate::wire::Error> {
    scheme_in_link(data).map_err(|fault| {
        let tail = if lang == dingji_rules::Lang::Zh {
            "，以下仍是名单现用的方案"
        } else {
            "; below is still the list's own scheme"
        };
        crate::wire::Error::Refused(format!("{}{tail}", fault.reason(lang)))
    })
}

/// The merge patch (RFC 7386) that makes `base` into `new`: the members that differ, `null`
/// for those removed; an array of the same length by the items that differ, keyed by index;
/// anything else replaced whole.
fn merge_diff(base: &serde_json::Value, new: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match (base, new) {
        (Value::Array(b), Value::Array(n)) if b.len() == n.len() => Value::Object(
            b.iter()
                .zip(n)
                .enumerate()
                .filter(|(_, (old, value))| old != value)
                .map(|(i, (old, value))| (i.to_string(), merge_diff(old, value)))
                .collect(),
        ),
        (Value::Object(b), Value::Object(n)) => {
            let mut out = serde_json::Map::new();
            for (key, value) in n {
                match b.get(key) {
                    Some(old) if old == value => {}
                    Some(old) => {
                        out.insert(key.clone(), merge_diff(old, value));
                    }
                    None => {
                        out.insert(key.clone(), value.clone());
                    }
                }
            }
            for key in b.keys().filter(|k| !n.contains_key(*k)) {
                out.insert(key.clone(), Value::Null);
            }
            Value::Object(out)
        }
        _ => new.clone(),
    }
}

/// Applies a merge patch (RFC 7386) to `target`.
fn merge_apply(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    let Value::Object(members) = patch else {
        *target = patch.clone();
        return;
    };
    if let Value::Array(items) = target {
        // Item by item; an index past the array names nothing and changes nothing.
        for (key, value) in members {
            if let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                merge_apply(item, value);
            }
        }
        return;
    }
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(t) = target {
        for (key, value) in members {
            if value.is_null() {
                t.remove(key);
            } else {
                merge_apply(t.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

//! A scheme that is not a preset, as it is kept and carried: its saved form (the presets'
//! compact form, base64: a saved list's `scheme-data` line, the calculator's, a link after
//! `scheme=`, each line of 我的方案), and 我的方案 themselves, the schemes a user keeps in
//! local storage — read by both pages and written by the workshop.

use std::rc::Rc;

use dingji_rules::Scheme;

/// A scheme that is not a preset, with its saved form (read once, carried with it).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnScheme {
    pub scheme: Rc<Scheme>,
    pub data: Rc<str>,
}

impl OwnScheme {
    /// The scheme of the saved form `data`, checked as a scheme file is; `None` where damaged.
    pub fn read(data: &str) -> Option<OwnScheme> {
        read_scheme_data(data).map(|s| OwnScheme {
            scheme: Rc::new(s),
            data: data.into(),
        })
    }

    /// `scheme` with its saved form; `None` for a value the form cannot hold.
    pub fn of(scheme: Scheme) -> Option<OwnScheme> {
        scheme_data(&scheme).map(|data| OwnScheme {
            scheme: Rc::new(scheme),
            data,
        })
    }
}

/// The saved form of a scheme that is not a preset (see [`super::list::ListSettings::scheme_data`]); `None`
/// for a value the form cannot hold.
pub fn scheme_data(scheme: &Scheme) -> Option<Rc<str>> {
    dingji_rules::codec::encode(scheme).map(|bytes| super::base64::encode(&bytes).into())
}

/// What a page's link carries a scheme after: `list.html#scheme=…` (opened in the workshop) or
/// `index.html#scheme=…` (the calculator grades under it): the form of
/// `crate::tools::workshop::scheme_link`.
pub const SCHEME_LINK: &str = "scheme=";

/// A scheme from its saved form (checked as a scheme file is); `None` where it is damaged.
pub fn read_scheme_data(data: &str) -> Option<Scheme> {
    super::base64::decode(data).and_then(|bytes| dingji_rules::codec::decode(&bytes))
}

/// Where "my schemes" are kept: one per line after the first, each a scheme in its saved form
/// ([`scheme_data`]), the scheme's name inside.
pub const MY_SCHEMES_KEY: &str = "dingji.schemes.v1";
const MY_SCHEMES_HEADER: &str = "dingji-schemes 1";

/// The schemes kept, as (line, scheme), and how many lines could not be read (they are kept as
/// they are).
pub fn my_schemes(text: &str) -> (Vec<(String, Scheme)>, usize) {
    let mut lines = text.lines();
    if lines.next() != Some(MY_SCHEMES_HEADER) {
        return (Vec::new(), usize::from(!text.trim().is_empty()));
    }
    let mut bad = 0;
    let mut out = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        match read_scheme_data(line) {
            Some(scheme) => out.push((line.to_owned(), scheme)),
            None => bad += 1,
        }
    }
    (out, bad)
}

/// Whether `text` is in the form of my schemes (or empty): one that is not is kept aside before
/// it is written over.
pub fn is_my_schemes(text: &str) -> bool {
    text.trim().is_empty() || text.lines().next() == Some(MY_SCHEMES_HEADER)
}

/// `text` with `scheme` kept: a scheme of the same name is replaced; every other line, read or
/// not, stays. `None` if the scheme cannot be put in its saved form.
pub fn keep_scheme(text: &str, scheme: &Scheme) -> Option<String> {
    let data = scheme_data(scheme)?;
    let mut lines: Vec<String> = vec![MY_SCHEMES_HEADER.to_owned()];
    let same_name =
        |line: &str| read_scheme_data(line).is_some_and(|s| s.name.zh == scheme.name.zh);
    if text.lines().next() == Some(MY_SCHEMES_HEADER) {
        lines.extend(
            text.lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty() && !same_name(l))
                .map(str::to_owned),
        );
    }
    lines.push(data.to_string());
    Some(lines.join("\n"))
}

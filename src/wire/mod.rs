//! Everything that crosses between a page and a worker, or is kept between visits: typed
//! requests and their replies, the explanation data, the client that posts to a worker, and the
//! one line codec of the saved forms (the calculator's inputs and share links, the list).
//! Both pages and the worker use this module; it uses none of them.

pub mod base64;
pub mod client;
pub mod codec;
pub mod columns;
pub mod explained;
pub mod list;
pub mod page;
pub mod request;
pub mod schemes;
#[cfg(target_arch = "wasm32")]
pub mod serve;
pub mod sheets;
pub mod store;
pub mod tools;

/// What went wrong, for a page to show: every failure the app reports, as one type. `Display`
/// writes the Chinese sentence the page shows; [`Error::message`] the sentence in the page's
/// language where there is an English one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A worker refused, with its sentence (the rules', in Chinese, naming the field or row).
    Refused(String),
    /// The sheets worker refused a file (or a workbook to write): why, and where, as data;
    /// written in the page's language by the tools that read files (`tools::sheet_said`), so
    /// that the pages do not carry those sentences (here, only that the file did not read).
    /// Shared: a page clones its notices with its state, and need not carry the code to copy
    /// each refusal's fields.
    Sheet(std::rc::Rc<dingji_sheets::SheetError>),
    /// Saved text (the calculator's inputs or a share link, a saved list) that does not read.
    Unreadable(Unreadable),
    /// The tools bundle could not be loaded: what the browser said, if anything (`unfetched`:
    /// its script could not be fetched).
    NotLoaded(String),
    /// A worker failed: it could not start, or its reply did not read.
    Worker(WorkerFailure),
}

/// How a worker failed, said by the page in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerFailure {
    /// It could not be started (its files could not be fetched, or it crashed).
    NotStarted,
    /// Its reply could not be read.
    BadReply,
}

impl WorkerFailure {
    /// The name of the JS error a failed call is rejected with ([`client`]), by which the page
    /// tells it from a refusal.
    pub fn name(self) -> &'static str {
        match self {
            WorkerFailure::NotStarted => "dingji-worker-not-started",
            WorkerFailure::BadReply => "dingji-worker-bad-reply",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            WorkerFailure::NotStarted => "计算模块未能启动（worker）",
            WorkerFailure::BadReply => "计算模块的答复无法读取",
        }
    }

    fn en(self) -> &'static str {
        match self {
            WorkerFailure::NotStarted => "The calculation module could not start (worker)",
            WorkerFailure::BadReply => "The calculation module's reply could not be read",
        }
    }
}

impl Error {
    /// What a worker's call was rejected with: a failure of the worker, by its name, or the
    /// refusal it gave.
    pub fn from_js(e: wasm_bindgen::JsValue) -> Error {
        let e = js_sys::Error::from(e);
        let name = String::from(e.name());
        [WorkerFailure::NotStarted, WorkerFailure::BadReply]
            .into_iter()
            .find(|f| f.name() == name)
            .map_or_else(|| Error::Refused(e.message().into()), Error::Worker)
    }
}

/// Why saved text does not read, and where: never what it says (a link is anybody's text, and
/// its words quoted in the page's alert would read as the page's own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not text this program saved (the calculator's inputs, or a list).
    NotOurs(SavedForm),
    /// Saved in another version of the format: the first line this version reads.
    Version { reads: &'static str },
    /// Line `number` (from 1) does not read.
    Line { number: usize },
    /// More lines than anything this program saves (a bound that keeps reading linear).
    TooLong { max: usize },
    /// Line `number` carries a scheme whose data does not read.
    SchemeData { number: usize },
    /// It names a scheme that is not a preset.
    NoScheme,
    /// A saved list without its scheme.
    NoSchemeLine,
    /// A link that is not one of this program's share links.
    NotALink,
    /// A share link cut short or changed.
    Damaged,
}

/// Which saved form did not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedForm {
    /// The calculator's inputs ([`page::Saved`]).
    Inputs,
    /// A list ([`list`]).
    List,
}

impl std::fmt::Display for Error {
    // Once in the wasm, not at each page that shows an error.
    #[inline(never)]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Refused(why) => f.write_str(why),
            Error::Sheet(_) => f.write_str("文件未能读取"),
            Error::Unreadable(why) => why.fmt(f),
            Error::Worker(failure) => f.write_str(failure.zh()),
            Error::NotLoaded(why) => match why.as_str() {
                "" => f.write_str("工具未能载入"),
                "unfetched" => f.write_str("工具未能载入：脚本无法获取"),
                why => write!(f, "工具未能载入：{why}"),
            },
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Each message: its words, with at most one line number and two quoted parts between
        // (written by one loop: smaller in the pages' wasm than a `write!` for each message).
        let (number, parts): (Option<usize>, [&str; 5]) = match self {
            Unreadable::NotOurs(SavedForm::Inputs) => {
                (None, ["不是本程序保存的内容", "", "", "", ""])
            }
            Unreadable::NotOurs(SavedForm::List) => {
                (None, ["不是本程序保存的名单", "", "", "", ""])
            }
            Unreadable::Version { reads } => (
                None,
                ["保存的格式版本不是本程序能读取的“", reads, "”", "", ""],
            ),
            Unreadable::Line { number } => (Some(*number), ["行无法读取", "", "", "", ""]),
            Unreadable::TooLong { .. } => {
                (None, ["内容过长，不是本程序保存的内容", "", "", "", ""])
            }
            Unreadable::SchemeData { number } => {
                (Some(*number), ["行的方案数据无法读取", "", "", "", ""])
            }
            Unreadable::NoScheme => (None, ["其中的方案不是本程序的预设方案", "", "", "", ""]),
            Unreadable::NoSchemeLine => (None, ["保存的名单缺少方案", "", "", "", ""]),
            Unreadable::NotALink => (None, ["不是本程序的分享链接", "", "", "", ""]),
            Unreadable::Damaged => (None, ["链接内容不完整或被改动", "", "", "", ""]),
        };
        if let Some(number) = number {
            write!(f, "第 {number} ")?;
        }
        parts.iter().try_for_each(|part| f.write_str(part))
    }
}

impl From<Unreadable> for Error {
    fn from(why: Unreadable) -> Error {
        Error::Unreadable(why)
    }
}

impl Error {
    /// The sentence to show in `lang`: the tools' failure to load and saved text that does not
    /// read have their English; a worker's refusal is the sentence it gave.
    pub fn message(&self, lang: dingji_rules::Lang) -> String {
        match (self, lang) {
            (Error::NotLoaded(why), dingji_rules::Lang::En) => match why.as_str() {
                "" => "The tools could not be loaded".to_owned(),
                "unfetched" => {
                    "The tools could not be loaded: the script could not be fetched".to_owned()
                }
                why => format!("The tools could not be loaded: {why}"),
            },
            (Error::Unreadable(why), dingji_rules::Lang::En) => why.english(),
            (Error::Worker(failure), dingji_rules::Lang::En) => failure.en().to_owned(),
            (Error::Sheet(_), dingji_rules::Lang::En) => "The file could not be read".to_owned(),
            _ => self.to_string(),
        }
    }
}

impl Unreadable {
    /// Why saved text does not read, in English (`Display` writes the Chinese).
    pub fn english(&self) -> String {
        match self {
            Unreadable::NotOurs(SavedForm::Inputs) => "Not something this program saved".into(),
            Unreadable::NotOurs(SavedForm::List) => "Not a list this program saved".into(),
            Unreadable::Version { reads } => {
                format!("Saved in a version this program does not read (it reads \"{reads}\")")
            }
            Unreadable::Line { number } => format!("Line {number} does not read"),
            Unreadable::TooLong { max } => {
                format!("Longer than anything this program saves (more than {max} lines)")
            }
            Unreadable::SchemeData { number } => {
                format!("The scheme on line {number} does not read")
            }
            Unreadable::NoScheme => "It names a scheme that is not one of the presets".into(),
            Unreadable::NoSchemeLine => "The saved list has no scheme".into(),
            Unreadable::NotALink => "Not one of this program's share links".into(),
            Unreadable::Damaged => "The link is incomplete or was changed".into(),
        }
    }
}

/// Runs `f` in a task of its own `ms` milliseconds from now (0: after the task that calls it,
/// and the paint it allows), and returns the timer's handle. The pages' timers are made here,
/// and their one-off JS functions by [`once`]: one closure type, whose glue a page carries once.
pub fn later(ms: i32, f: Box<dyn FnOnce()>) -> i32 {
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&once(f)),
            ms,
        )
        .unwrap_or(0)
}

/// `f` as a JS function called at most once (a timer's, a listener's).
pub fn once(f: Box<dyn FnOnce()>) -> wasm_bindgen::JsValue {
    wasm_bindgen::closure::Closure::once_into_js(f)
}

/// Resolves in a task of its own, after the browser has had a turn (painted, answered a click):
/// a long step of a page's work awaits it between its parts.
pub async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        later(
            0,
            Box::new(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL))),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

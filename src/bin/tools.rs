//! The pages' tools as a bundle of their own (`tools.js` + `tools_bg.wasm`, a no-modules
//! bundle that post-build exposes as `self.dingjiTools`): the import dialog, the scheme
//! workshop, the exports, the 公示 preview and the reading of a paste, loaded by
//! `assets/tools-loader.js` on the first use of any (the list page through
//! `dingji::list::tools`, the calculator through `dingji::calculator::tools`), so that neither
//! page's first load carries them.
//!
//! Each mounts into a root the page gives it and reads the page's list as saved-list text (the
//! scheme, the forms of the sources, the rows). The import dialog answers with the imported list
//! in the same text, or nothing when the user cancels; the workshop answers with the list under
//! the scheme tried (the same text) when it is applied, or nothing when it is closed. The
//! calculator opens the workshop over its one organization (`open_org_workshop`, its inputs in
//! their saved form).

#[cfg(target_arch = "wasm32")]
mod serve {
    use std::cell::RefCell;
    use std::rc::Rc;

    use dingji::list::persist;
    use dingji::list::state::ListState;
    use dingji::tools::import::dialog::{ImportDialog, ImportProps};
    use dingji::tools::paste::Paste;
    use dingji::tools::print::{PreviewProps, PrintPreview};
    use dingji::tools::tally::view::{TallyDialog, TallyProps};
    use dingji::tools::workshop::view::{Workshop, WorkshopProps};
    use dingji_rules::presets;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback};

    /// The tool open, to take down.
    enum Open {
        Import(AppHandle<ImportDialog>),
        Workshop(AppHandle<Workshop>),
        Publicity(AppHandle<PrintPreview>),
        Tally(AppHandle<TallyDialog>),
    }

    thread_local! {
        static APP: RefCell<Option<Open>> = const { RefCell::new(None) };
    }

    fn list(text: &str) -> Result<ListState, JsValue> {
        let schemes: Vec<Rc<dingji_rules::Scheme>> =
            presets::all().into_iter().map(Rc::new).collect();
        persist::from_text(text, &schemes).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Opens the dialog in `root` over the list `list` (saved-list text). `done` is called once:
    /// with the imported rows' drafts as saved-list text (the list's settings, the import's forms
    /// of entry) and whether to append them, or with nothing (cancelled). Nothing here grades:
    /// the dialog has read each cell once, and the page grades the rows it takes in.
    #[wasm_bindgen]
    pub fn open_import(
        root: web_sys::Element,
        list: String,
        done: js_sys::Function,
    ) -> Result<(), JsValue> {
        let schemes: Vec<Rc<dingji_rules::Scheme>> =
            presets::all().into_iter().map(Rc::new).collect();
        let saved = dingji::wire::list::from_text(&list, &schemes)
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let settings = saved.settings;
        // `done` is called once: the dialog closed while 导入 waits for a frame answers nothing
        // more.
        let answered = Rc::new(std::cell::Cell::new(false));
        let on_import = {
            let (settings, done, answered) = (settings.clone(), done.clone(), answered.clone());
            Callback::from(move |(drafts, append, modes): (Vec<_>, bool, _)| {
                if answered.replace(true) {
                    return;
                }
                let settings = dingji::wire::list::ListSettings {
                    modes,
                    ..settings.clone()
                };
                let text = dingji::wire::list::to_text(&settings, drafts.iter());
                let _ = done.call2(&JsValue::NULL, &text.into(), &append.into());
            })
        };
        let on_close = Callback::from(move |()| {
            if !answered.replace(true) {
                let _ = done.call0(&JsValue::NULL);
            }
        });
        let props = ImportProps {
            lang: settings.lang,
            blank: dingji::wire::list::blank(&settings.scheme, &settings.modes),
            scheme: settings.scheme,
            modes: settings.modes,
            existing: saved.drafts.len(),
            on_import,
            on_close,
        };
        let app = yew::Renderer::<ImportDialog>::with_root_and_props(root, props).render();
        APP.with(|a| a.replace(Some(Open::Import(app))));
        Ok(())
    }

    /// Mounts the workshop in `root`, to be taken down by [`close_tool`].
    fn mount_workshop(root: web_sys::Element, props: WorkshopProps) {
        let app = yew::Renderer::<Workshop>::with_root_and_props(root, props).render();
        APP.with(|a| a.replace(Some(Open::Workshop(app))));
    }

    /// Opens the scheme workshop in `root` over the list `list` (saved-list text), starting
    /// from the scheme a link carried (`linked`, its saved form) if there is one. `done` is
    /// called with nothing when it is closed.
    #[wasm_bindgen]
    pub fn open_workshop(
        root: web_sys::Element,
        list: String,
        done: js_sys::Function,
        linked: Option<String>,
    ) -> Result<(), JsValue> {
        let state = Rc::new(self::list(&list)?);
        let linked = linked
            .map(|data| dingji::tools::workshop::read_scheme_link(&data, state.lang).map(Rc::new));
        let on_apply = {
            let (state, done) = (state.clone(), done.clone());
            Callback::from(
                move |(scheme, mapping): (Rc<dingji_rules::Scheme>, Vec<_>)| {
                    // The list under the scheme, as saved-list text, its category words mapped: the
                    // page reads the scheme and each row's category from it.
                    let state = dingji::tools::workshop::apply::recategorized(&state, &mapping);
                    let text = persist::to_text(&ListState {
                        scheme_data: dingji::wire::schemes::scheme_data(&scheme),
                        scheme,
                        ..state
                    });
                    let _ = done.call2(&JsValue::NULL, &text.into(), &false.into());
                },
            )
        };
        let props = WorkshopProps {
            list: state,
            linked,
            on_close: Callback::from(move |()| {
                let _ = done.call0(&JsValue::NULL);
            }),
            on_apply,
            over: Default::default(),
        };
        mount_workshop(root, props);
        Ok(())
    }

    type Presets = Vec<Rc<dingji_rules::Scheme>>;

    /// The calculator's inputs from their saved form, the scheme they are typed under (its own or
    /// its preset, before its changes), and the presets.
    fn calculator_inputs(
        saved: &str,
    ) -> Result<(dingji::wire::page::Saved, Rc<dingji_rules::Scheme>, Presets), JsValue> {
        let schemes: Presets = presets::all().into_iter().map(Rc::new).collect();
        let saved = dingji::wire::page::Saved::from_text(saved, &schemes)
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let base = saved
            .base(&schemes)
            .ok_or_else(|| JsValue::from_str("scheme"))?;
        Ok((saved, base, schemes))
    }

    /// Opens the scheme workshop in `root` over the calculator, whose inputs are `saved` (its
    /// saved form, [`dingji::wire::page::Saved`]): the trial starts from the scheme it computes
    /// under (its preset or its own scheme, with its changes to the weights and thresholds), and
    /// its organization's result is compared. Any valid trial is applied
    /// ([`dingji::tools::workshop::Calculator::applied`]): the page's address is given the inputs
    /// under it as a share link's fragment, which the page opens (and can take back). `done` is
    /// called with nothing when it is closed or applied.
    #[wasm_bindgen]
    pub fn open_org_workshop(
        root: web_sys::Element,
        saved: String,
        done: JsValue,
        _: JsValue,
    ) -> Result<(), JsValue> {
        use dingji::wire::page::edited_scheme;
        let (saved, base, schemes) = calculator_inputs(&saved)?;
        let lang = saved.lang.unwrap_or_default();
        // The calculator's scheme as it computes: every change to a weight or threshold that
        // reads.
        let scheme = Rc::new(edited_scheme(&base, &saved.edits, lang).0);
        let mut state = ListState::new(scheme.clone());
        state.lang = lang;
        state.rows = Rc::new(vec![Rc::new(dingji::list::state::Row::new(
            1,
            saved.draft.clone(),
            &scheme,
        ))]);
        let close = {
            let done: Option<js_sys::Function> = done.dyn_into().ok();
            move || {
                if let Some(done) = &done {
                    let _ = done.call0(&JsValue::NULL);
                }
            }
        };
        let calculator = dingji::tools::workshop::Calculator {
            presets: Rc::new(schemes),
            preset: saved.scheme.clone(),
            own: saved.own.clone(),
            unused: saved.unused.clone(),
        };
        let on_apply = {
            let (calculator, close) = (calculator.clone(), close.clone());
            Callback::from(move |(trial, _): (Rc<dingji_rules::Scheme>, Vec<_>)| {
                if let Some(applied) = calculator.applied(&saved, &base, &trial) {
                    let _ = gloo::utils::window().location().set_hash(&format!(
                        "{}{}",
                        dingji::wire::page::APPLIED,
                        applied.to_fragment()
                    ));
                }
                close();
            })
        };
        let props = WorkshopProps {
            list: Rc::new(state),
            linked: None,
            on_close: Callback::from(move |()| close()),
            on_apply,
            over: dingji::tools::workshop::state::Over::Calculator(calculator),
        };
        mount_workshop(root, props);
        Ok(())
    }

    /// Reads a scheme file (`text`, its JSON) and checks it: answers the scheme in its saved
    /// form, or throws why not in `lang` ("zh" or "en"), with where in the file.
    #[wasm_bindgen]
    pub fn read_scheme_file(text: String, lang: String) -> Result<String, JsValue> {
        let lang = dingji_rules::Lang::of_code(&lang);
        let scheme = dingji_rules::Scheme::from_json(&text)
            .map_err(|e| JsValue::from_str(&e.message(lang)))?;
        saved_form(&scheme, lang)
    }

    /// Reads the scheme a link carries (`data`, after `scheme=`) and checks it: answers the
    /// scheme in its saved form, or throws why not in `lang`.
    #[wasm_bindgen]
    pub fn read_scheme_link(data: String, lang: String) -> Result<String, JsValue> {
        let lang = dingji_rules::Lang::of_code(&lang);
        let scheme = dingji::tools::workshop::scheme_in_link(&data)
            .map_err(|fault| JsValue::from_str(&fault.reason(lang)))?;
        saved_form(&scheme, lang)
    }

    fn saved_form(
        scheme: &dingji_rules::Scheme,
        lang: dingji_rules::Lang,
    ) -> Result<String, JsValue> {
        dingji::wire::schemes::scheme_data(scheme)
            .map(|d| d.to_string())
            .ok_or_else(|| {
                JsValue::from_str(if lang == dingji_rules::Lang::Zh {
                    "方案中有本程序无法保存的数值（小数位过多）"
                } else {
                    "The scheme has a value this program cannot keep (too many decimals)"
                })
            })
    }

    /// Offers the scheme of the calculator's inputs `saved` (their saved form), with their
    /// changes to the weights and thresholds that read, as a scheme file (方案-<name>.json).
    #[wasm_bindgen]
    pub fn save_scheme_file(saved: String) -> Result<(), JsValue> {
        let (saved, base, _) = calculator_inputs(&saved)?;
        let lang = saved.lang.unwrap_or_default();
        let scheme = dingji::wire::page::effective_scheme(&base, &saved.edits, lang).map_err(|_| {
            JsValue::from_str(if lang == dingji_rules::Lang::Zh {
                "方案有误（见标出的权重或分数线），更正后才能保存"
            } else {
                "The scheme is wrong (see the marked weights or thresholds); correct it to save it"
            })
        })?;
        let bytes = js_sys::Uint8Array::from(scheme.to_json().as_bytes());
        dingji::shared::download(
            &format!("方案-{}.json", scheme.name.zh),
            &bytes,
            "application/json",
        );
        Ok(())
    }

    /// Exports the list `list` (saved-list text) as `kind` ("csv" or "xlsx"), graded here as
    /// the page grades it, and offers the file; the promise is rejected with why it was not.
    #[wasm_bindgen]
    pub fn export_list(list: String, kind: String) -> js_sys::Promise {
        wasm_bindgen_futures::future_to_promise(async move {
            let state = self::list(&list)?;
            let graded = dingji::list::derive::grade(&state);
            let kind = if kind == "xlsx" {
                dingji::wire::tools::Export::Xlsx
            } else {
                dingji::wire::tools::Export::Csv
            };
            dingji::tools::export::export(&state, &graded, kind)
                .await
                .map(|()| JsValue::UNDEFINED)
                .map_err(|why| {
                    JsValue::from_str(&dingji::tools::sheet_said::said(&why, state.lang))
                })
        })
    }

    /// Opens the tally (计票) in `root` over the list `list` (saved-list text). `done` is called
    /// when it is closed: with the list after the counts were sent into it, else with nothing.
    #[wasm_bindgen]
    pub fn open_tally(
        root: web_sys::Element,
        list: String,
        done: js_sys::Function,
    ) -> Result<(), JsValue> {
        let props = TallyProps {
            list: Rc::new(self::list(&list)?),
            on_close: Callback::from(move |text: Option<String>| {
                let text = text.map_or(JsValue::UNDEFINED, JsValue::from);
                let _ = done.call2(&JsValue::NULL, &text, &JsValue::FALSE);
            }),
        };
        let app = yew::Renderer::<TallyDialog>::with_root_and_props(root, props).render();
        APP.with(|a| a.replace(Some(Open::Tally(app))));
        Ok(())
    }

    /// Opens the print preview (the 公示 and the meeting's forms) in `root` over the list `list`
    /// (saved-list text). `done` is called when it is closed: with the words written on the
    /// documents (`PublicityText::to_field`) where they changed, else with nothing.
    #[wasm_bindgen]
    pub fn open_publicity(
        root: web_sys::Element,
        list: String,
        done: js_sys::Function,
        shown: Option<String>,
    ) -> Result<(), JsValue> {
        // The rows the list shows, where it filters them: their places, comma-separated.
        let shown = shown.map(|s| {
            let mut rows: Vec<usize> = s.split(',').filter_map(|n| n.parse().ok()).collect();
            rows.sort_unstable();
            rows
        });
        let props = PreviewProps {
            shown,
            list: Rc::new(self::list(&list)?),
            on_close: Callback::from(move |words: Option<dingji::wire::list::PublicityText>| {
                let words = words.map_or(JsValue::UNDEFINED, |w| w.to_field().into());
                let _ = done.call2(&JsValue::NULL, &words, &JsValue::FALSE);
            }),
        };
        let app = yew::Renderer::<PrintPreview>::with_root_and_props(root, props).render();
        APP.with(|a| a.replace(Some(Open::Publicity(app))));
        Ok(())
    }

    /// Reads `text` (a block copied from Excel or WPS, tab-separated) into `part` (saved-list
    /// text: the rows the block can reach, in the order shown, from the cursor's column `col`).
    /// `places` are those rows' places in the page's list of `total` rows: a refusal names a row
    /// by its place, and a row the paste adds after the list's last. Answers the part after the
    /// paste (saved-list text) and what it says, or throws why nothing was pasted.
    #[wasm_bindgen]
    pub fn paste_into(
        part: String,
        places: js_sys::Array,
        total: u32,
        col: u32,
        text: String,
    ) -> Result<js_sys::Array, JsValue> {
        let state = Rc::new(self::list(&part)?);
        let shown = state.rows.len();
        let places: Vec<usize> = places
            .iter()
            .filter_map(|t| t.as_f64())
            .map(|t| t as usize)
            .collect();
        let number = |at: usize| dingji::tools::paste::place_number(&places, total as usize, at);
        let cells = dingji::tools::paste::parse_delimited(&text, '\t').map_err(|line| {
            JsValue::from_str(&dingji::tools::paste::unmatched_quote(line, state.lang))
        })?;
        let targets: Vec<usize> = (0..shown).collect();
        let next = state.paste_numbered(&targets, col as usize, &cells, &number);
        let said = match &next.notice {
            Some(dingji::list::state::Notice::Done(said)) => said.clone(),
            Some(dingji::list::state::Notice::Refused(why)) => {
                return Err(JsValue::from_str(&why.message(next.lang)));
            }
            _ => return Err(JsValue::from_str("")),
        };
        Ok(js_sys::Array::of2(
            &persist::to_text(&next).into(),
            &said.into(),
        ))
    }

    /// Takes the open tool down (the page then removes its root).
    #[wasm_bindgen]
    pub fn close_tool() {
        match APP.with(|a| a.take()) {
            Some(Open::Import(app)) => app.destroy(),
            Some(Open::Workshop(app)) => app.destroy(),
            Some(Open::Publicity(app)) => app.destroy(),
            Some(Open::Tally(app)) => app.destroy(),
            None => {}
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    dingji::shared::install_panic_message();
    // Fetched on first use anyway, the tools carry the English catalogue built in.
    dingji::shared::i18n::install_built_in();
}

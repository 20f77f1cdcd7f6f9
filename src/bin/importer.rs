//! The import dialog as a bundle of its own (`importer.js` + `importer_bg.wasm`, a no-modules
//! bundle that post-build exposes as `self.dingjiImporter`), loaded by the list page on the
//! first 导入 (`dingji::list::importer`), so that the list page's first load does not carry it.
//!
//! It mounts the dialog into a root the page gives it, reads the page's list (the saved-list text:
//! the scheme, the forms of the sources, how many organizations there are) and answers with the
//! imported list in the same text, or nothing when the user cancels.

#[cfg(target_arch = "wasm32")]
mod serve {
    use std::cell::RefCell;
    use std::rc::Rc;

    use dingji::list::persist;
    use dingji::list::state::{Action, ListState};
    use dingji::list::views::import::{ImportDialog, ImportProps};
    use dingji_rules::presets;
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback, Reducible};

    thread_local! {
        static APP: RefCell<Option<AppHandle<ImportDialog>>> = const { RefCell::new(None) };
    }

    /// Opens the dialog in `root` over the list `list` (saved-list text). `done` is called once:
    /// with the imported list's text and whether to append it, or with nothing (cancelled).
    #[wasm_bindgen]
    pub fn open_import(
        root: web_sys::Element,
        list: String,
        done: js_sys::Function,
    ) -> Result<(), JsValue> {
        let schemes: Vec<Rc<dingji_rules::Scheme>> =
            presets::all().into_iter().map(Rc::new).collect();
        let state =
            Rc::new(persist::from_text(&list, &schemes).map_err(|e| JsValue::from_str(&e))?);
        let on_import = {
            let (state, done) = (state.clone(), done.clone());
            Callback::from(move |(drafts, append, modes): (_, bool, _)| {
                let imported =
                    Rc::new(ListState::new(state.scheme.clone())).reduce(Action::Import {
                        drafts,
                        append: false,
                        modes,
                    });
                let text = persist::to_text(&ListState {
                    lang: state.lang,
                    ..(*imported).clone()
                });
                let _ = done.call2(&JsValue::NULL, &text.into(), &append.into());
            })
        };
        let on_close = Callback::from(move |()| {
            let _ = done.call0(&JsValue::NULL);
        });
        let props = ImportProps {
            lang: state.lang,
            scheme: state.scheme.clone(),
            modes: state.modes.clone(),
            blank: state.blank(),
            existing: state.rows.len(),
            on_import,
            on_close,
        };
        let app = yew::Renderer::<ImportDialog>::with_root_and_props(root, props).render();
        APP.with(|a| a.replace(Some(app)));
        Ok(())
    }

    /// Takes the dialog down (the page then removes its root).
    #[wasm_bindgen]
    pub fn close_import() {
        if let Some(app) = APP.with(|a| a.take()) {
            app.destroy();
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    dingji::shared::install_panic_message();
}

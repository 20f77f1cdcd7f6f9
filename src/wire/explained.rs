//! The working and the goals of one organization, as the worker sends them to either page: the
//! data only (lines of text); the worker builds them ([`crate::worker`]).

/// The detailed explanation and the goals, rendered as text. Computed in the worker when the user
/// opens them: their code stays out of the pages' first load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explained {
    /// Every step, as a line.
    pub steps: Vec<String>,
    /// "要达到“好”，在其他各项不变时：", or that the tier is the top one.
    pub goals_title: String,
    /// Each source: its name, what it needs, and whether it can be reached.
    pub goals: Vec<(String, String, bool)>,
}

impl Explained {
    /// As a plain JS object, to post from the worker.
    pub fn to_js(&self) -> wasm_bindgen::JsValue {
        use js_sys::{Array, Object, Reflect};
        use wasm_bindgen::JsValue;
        let strings =
            |list: &mut dyn Iterator<Item = &str>| list.map(JsValue::from_str).collect::<Array>();
        let out = Object::new();
        let _ = Reflect::set(
            &out,
            &"steps".into(),
            &strings(&mut self.steps.iter().map(String::as_str)),
        );
        let _ = Reflect::set(&out, &"title".into(), &JsValue::from_str(&self.goals_title));
        let goals: Array = self
            .goals
            .iter()
            .map(|(name, text, ok)| {
                Array::of3(
                    &name.as_str().into(),
                    &text.as_str().into(),
                    &JsValue::from_bool(*ok),
                )
            })
            .collect();
        let _ = Reflect::set(&out, &"goals".into(), &goals);
        out.into()
    }

    /// Read back on the page.
    pub fn from_js(value: &wasm_bindgen::JsValue) -> Explained {
        use js_sys::{Array, Reflect};
        let get = |key: &str| Reflect::get(value, &key.into()).unwrap_or_default();
        let texts = |v: wasm_bindgen::JsValue| {
            Array::from(&v)
                .iter()
                .filter_map(|x| x.as_string())
                .collect::<Vec<_>>()
        };
        Explained {
            steps: texts(get("steps")),
            goals_title: get("title").as_string().unwrap_or_default(),
            goals: Array::from(&get("goals"))
                .iter()
                .map(|g| {
                    let g = Array::from(&g);
                    (
                        g.get(0).as_string().unwrap_or_default(),
                        g.get(1).as_string().unwrap_or_default(),
                        g.get(2).is_truthy(),
                    )
                })
                .collect(),
        }
    }
}

//! The committee's list: every organization under the committee, graded together.

pub mod app;
pub mod charts;
pub mod columns;
pub mod files;
pub mod grade;
pub mod grid;
pub mod import;
pub mod laggards;
pub mod panel;
pub mod publicity;
pub mod saved;
pub mod sheets;
pub mod state;
pub mod summary;

/// Mounts the list app into `#list-app`.
pub fn mount() {
    let Some(root) = gloo::utils::document().get_element_by_id("list-app") else {
        return;
    };
    yew::Renderer::<app::ListApp>::with_root(root).render();
}

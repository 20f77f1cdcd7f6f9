//! The worker: the JS API's work (and file import and export) off the page's first load. trunk
//! builds it as `worker_loader.js` + `worker.js` + `worker_bg.wasm`, which `scripts/post-build.mjs`
//! names by a hash of their content; `dingji::api` starts it on the first call.

fn main() {
    #[cfg(target_arch = "wasm32")]
    dingji::worker::start();
    // Natively (the tests' build) there is no worker to serve.
}

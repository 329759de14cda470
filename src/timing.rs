//! Marks on the browser's performance timeline (User Timing) at the steps of start-up, so the
//! benchmark and the browser's developer tools can tell where the time goes (nothing is sent
//! anywhere; the marks stay in the page); and the two waits long work takes turns with: until
//! what was just drawn is on screen, and until the page has had its turn.

use wasm_bindgen::JsCast;

/// Puts a mark named `redress:<step>` on the timeline, e.g. `redress:rows-shown`.
pub fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(&format!("redress:{step}"));
    }
}

/// Runs `work` and measures it on the timeline as `redress:<step>`, keeping only the latest
/// measure of each step (so a thousand keystrokes leave one entry, not a thousand).
pub fn measure<T>(step: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return work();
    };
    let name = format!("redress:{step}");
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.mark(&end);
    performance.clear_measures_with_measure_name(&name);
    let _ = performance.measure_with_start_mark_and_end_mark(&name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    result
}

/// Resolves once the browser has drawn the page as it is now: after the next animation frame,
/// on the task that follows it. Work started then does not hold back what was just drawn.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let next_task = wasm_bindgen::closure::Closure::once_into_js({
            let resolve = resolve.clone();
            move || {
                if let Some(window) = web_sys::window() {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
                }
            }
        });
        let _ = window.request_animation_frame(next_task.unchecked_ref());
        // A tab in the background draws no frames: it waits a moment at most.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the page have its turn (a keystroke, a redraw) between parts of long work: resolves
/// on the next task.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if waiting.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

//! The page shell: skip link, header with the service name and navigation, the main landmark,
//! and a footer that says where the data lives and which version this is.

use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

const NAVIGATION: [(&str, &str); 8] = [
    ("My work", "/"),
    ("Records", "/records"),
    ("New record", "/records/new"),
    ("Advocacy", "/cases"),
    ("Calculator", "/calculator"),
    ("Assessments", "/assessments"),
    ("Reports", "/reports"),
    ("Settings", "/settings"),
];

/// Which navigation item a path belongs to: a record's own page belongs to Records.
fn section(path: &str) -> &'static str {
    match path {
        "/records/new" => "/records/new",
        "/calculator" => "/calculator",
        path if path.starts_with("/assessments") => "/assessments",
        path if path.starts_with("/reports") => "/reports",
        path if path.starts_with("/cases") => "/cases",
        path if path.starts_with("/settings") || path == "/data" => "/settings",
        path if path.starts_with("/records") => "/records",
        _ => "/",
    }
}

/// Whether the screen is at least as wide as GOV.UK's tablet breakpoint, following it as the
/// window is resized (true where the browser cannot say).
fn wide_screen() -> Signal<bool> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let query = web_sys::window().and_then(|w| w.match_media("(min-width: 40.0625em)").ok().flatten());
    let Some(query) = query else {
        return Signal::from(true);
    };
    let wide = RwSignal::new(query.matches());
    let watched = query.clone();
    let on_change = Closure::<dyn Fn()>::new(move || {
        let _ = wide.try_set(watched.matches());
    });
    let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The shell lives as long as the page, so the listener does too.
    on_change.forget();
    wide.into()
}

#[component]
fn ServiceNavigation() -> impl IntoView {
    let location = use_location();
    let current = Memo::new(move |_| section(&location.pathname.get()));
    // GOV.UK's service navigation on a phone: the list folds behind a "Menu" button, and folds
    // again once a page is chosen.
    let wide = wide_screen();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let folded = move || !wide.get() && !open.get();
    let state = expect_context::<AppState>();
    let locking = crate::locking::Locking::get();
    let organisation = move || state.settings.with(|s| s.organisation_name.clone());
    let items = NAVIGATION
        .into_iter()
        .map(|(label, href)| {
            let active = move || current.get() == href;
            view! {
                <li class="govuk-service-navigation__item" class:govuk-service-navigation__item--active=active>
                    <a
                        class="govuk-service-navigation__link"
                        href=href
                        aria-current=move || active().then_some("page")
                    >
                        {move || if active() {
                            view! { <strong class="govuk-service-navigation__active-fallback">{label}</strong> }.into_any()
                        } else {
                            label.into_any()
                        }}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="govuk-service-navigation" aria-label="Redress">
            <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                    <span class="govuk-service-navigation__service-name">
                        <a href="/" class="govuk-service-navigation__link app-service-name">"Redress"</a>
                        <Show when=move || !organisation().is_empty()>
                            <span class="govuk-body-s app-organisation-name">" " {organisation}</span>
                        </Show>
                    </span>
                    <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                        <button
                            type="button"
                            class="govuk-service-navigation__toggle"
                            aria-controls="navigation"
                            hidden=move || wide.get()
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            "Menu"
                        </button>
                        <ul class="govuk-service-navigation__list" id="navigation" hidden=folded>{items}</ul>
                    </nav>
                    <Show when=move || locking.set.get()>
                        <button type="button" class="govuk-button govuk-button--secondary app-lock-now" data-module="govuk-button" on:click=move |_| locking.lock_now()>
                            "Lock now"
                        </button>
                    </Show>
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    // Not there on the unlock page, which sends nothing.
    let sync = use_context::<crate::sync::TeamSyncState>();
    let team = move || sync.and_then(|sync| sync.team.get()).map(|team| team.server);
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">"About Redress"</h2>
                        <p class="app-footer__data-note">{move || if team().is_some() { "Your data stays on this device and your team’s server." } else { "Your data stays on this device." }}</p>
                        <p class="govuk-body-s">{move || match team() {
                            Some(server) => format!("Redress keeps its records in this browser’s own storage, and sends them only to your team’s database on {server}."),
                            None => "Redress keeps its records in this browser’s own storage and sends nothing anywhere. Share records only by exporting a file.".to_string(),
                        }}</p>
                        <p class="govuk-body-s">{concat!("Redress version ", env!("CARGO_PKG_VERSION"))}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

fn focus_main() {
    if let Some(main) = document().get_element_by_id("main-content") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// The router would treat the skip link as a navigation; it only moves focus, as GOV.UK's does.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    focus_main();
}

/// Moves focus to the top of the new page after each client-side navigation, as a full page
/// load would, so screen reader users hear the new page.
fn focus_main_on_navigation() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            focus_main();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        path
    });
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    focus_main_on_navigation();
    // The banners about what is stored come with the piece that reads storage, and have nothing
    // to say before it has read everything: drawn then, when the piece is certainly here.
    let state = expect_context::<AppState>();
    let everything_read = move || !state.opening.get();
    view! {
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link" on:click=skip_to_main>
            "Skip to main content"
        </a>
        <ServiceNavigation />
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                <crate::sync::SyncLine />
                <crate::offline::UpdateBanner />
                <crate::locking::LockQuestion />
                <Show when=everything_read>
                    {crate::lazy::quietly(super::storage_banner::lazy_storage_banner())}
                </Show>
                <super::notice::NoticeBanner />
                <Show when=everything_read>
                    {crate::lazy::quietly(super::first_use::lazy_first_use())}
                </Show>
                {children()}
            </main>
        </div>
        <Footer />
        <super::team::TeamNames />
    }
}

//! The app root: state, the shell, and the routes with their real URLs.

use crate::components::layout::Layout;
use crate::components::not_found::NotFound;
use crate::pages::advocacy::{
    CasesPage, case::CasePage, letter::CaseLetterPage, new::NewCasePage, pack::PackPage, question::QuestionPage,
};
use crate::pages::assessments::{
    AssessmentsPage, compare::ComparePage, delete::DeleteAssessmentPage, details::DetailsPage, new::NewAssessmentPage,
    overview::AssessmentPage, part::PartPage, print::PrintPage,
};
use crate::pages::calculator::CalculatorPage;
use crate::pages::my_work::MyWorkPage;
use crate::pages::records::record::{
    delete::DeletePage, escalate::EscalatePage, intake::IntakePage, letter::LetterPage,
};
use crate::pages::records::{list::RecordsPage, new::NewRecordPage, record::RecordPage};
use crate::pages::reports::{ReportsPage, member::MemberReportPage};
use crate::pages::settings::{SettingsPage, procedures::NewProcedurePage};
use crate::pages::sharing::DataPage;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    view! {
        <Router>
            <Layout>
                // Pages read the records when they open, so none opens before storage has been
                // read, but the records list, drawn from the rows kept at the last start.
                <WhenOpen>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=MyWorkPage />
                    <Route path=path!("/records") view=RecordsPage />
                    <Route path=path!("/records/new") view=NewRecordPage />
                    <Route path=path!("/records/:id") view=RecordPage />
                    <Route path=path!("/records/:id/escalate") view=EscalatePage />
                    <Route path=path!("/records/:id/delete") view=DeletePage />
                    <Route path=path!("/records/:id/intake") view=IntakePage />
                    <Route path=path!("/records/:id/letters/:kind") view=LetterPage />
                    <Route path=path!("/assessments") view=AssessmentsPage />
                    <Route path=path!("/assessments/new") view=NewAssessmentPage />
                    <Route path=path!("/assessments/compare") view=ComparePage />
                    <Route path=path!("/assessments/:id") view=AssessmentPage />
                    <Route path=path!("/assessments/:id/part/:part") view=PartPage />
                    <Route path=path!("/assessments/:id/details") view=DetailsPage />
                    <Route path=path!("/assessments/:id/print") view=PrintPage />
                    <Route path=path!("/assessments/:id/delete") view=DeleteAssessmentPage />
                    <Route path=path!("/cases") view=CasesPage />
                    <Route path=path!("/cases/new") view=NewCasePage />
                    <Route path=path!("/cases/:id") view=CasePage />
                    <Route path=path!("/cases/:id/questions/:n") view=QuestionPage />
                    <Route path=path!("/cases/:id/letter/:kind") view=CaseLetterPage />
                    <Route path=path!("/cases/:id/pack") view=PackPage />
                    <Route path=path!("/calculator") view=CalculatorPage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/reports") view=ReportsPage />
                    <Route path=path!("/reports/member") view=MemberReportPage />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/settings/procedures/new") view=NewProcedurePage />
                </Routes>
                </WhenOpen>
            </Layout>
        </Router>
    }
}

/// Its pages once storage has been read; before then, the records list if its kept rows have
/// been read, and any other page "Opening your records…".
#[component]
fn WhenOpen(children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = use_location();
    let ready = Memo::new(move |_| {
        !state.opening.get() || (state.rows_ready.get() && location.pathname.with(|path| path == "/records"))
    });
    view! { <Show when=move || ready.get() fallback=Opening>{children()}</Show> }
}

/// What shows while storage is being opened and read: with many records, a moment.
#[component]
fn Opening() -> impl IntoView {
    view! {
        <div role="status" aria-live="polite">
            <h1 class="govuk-heading-l">"Opening your records…"</h1>
            <p class="govuk-body">"Redress is reading the records kept in this browser."</p>
        </div>
    }
}

//! The app's addresses: the routes, nested by area as the service navigation groups them, and
//! the typed parameters a page reads from its address.

use crate::components::not_found::NotFound;
use crate::pages::advocacy::{
    CasesPage, case::CasePage, letter::CaseLetterPage, new::NewCasePage, pack::PackPage, question::QuestionPage,
};
use crate::pages::assessments::{
    AssessmentsPage, compare::ComparePage, delete::DeleteAssessmentPage, details::DetailsPage, new::NewAssessmentPage,
    overview::AssessmentPage, part::PartPage, print::PrintPage,
};
use crate::pages::calculator::CalculatorPage;
use crate::pages::lock::{
    change::{ChangePassphrasePage, RemoveLockPage},
    set::LockPage,
};
use crate::pages::my_work::MyWorkPage;
use crate::pages::records::record::{
    correct::{CorrectPage, WithdrawPage},
    delete::DeletePage,
    escalate::EscalatePage,
    intake::IntakePage,
    letter::LetterPage,
};
use crate::pages::records::{list::RecordsPage, new::NewRecordPage, record::RecordPage};
use crate::pages::reports::{ReportsPage, member::MemberReportPage};
use crate::pages::settings::{SettingsPage, procedures::NewProcedurePage, sync::TeamSyncPage};
use crate::pages::sharing::DataPage;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Routes};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use leptos_router::path;

/// Every page at its address; any other address is "Page not found".
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=MyWorkPage />
            <ParentRoute path=path!("/records") view=Outlet>
                <Route path=path!("") view=RecordsPage />
                <Route path=path!("new") view=NewRecordPage />
                <Route path=path!(":id") view=RecordPage />
                <Route path=path!(":id/escalate") view=EscalatePage />
                <Route path=path!(":id/delete") view=DeletePage />
                <Route path=path!(":id/intake") view=IntakePage />
                <Route path=path!(":id/letters/:kind") view=LetterPage />
                <Route path=path!(":id/correct/:fact") view=CorrectPage />
                <Route path=path!(":id/withdraw/:fact") view=WithdrawPage />
            </ParentRoute>
            <ParentRoute path=path!("/assessments") view=Outlet>
                <Route path=path!("") view=AssessmentsPage />
                <Route path=path!("new") view=NewAssessmentPage />
                <Route path=path!("compare") view=ComparePage />
                <Route path=path!(":id") view=AssessmentPage />
                <Route path=path!(":id/part/:part") view=PartPage />
                <Route path=path!(":id/details") view=DetailsPage />
                <Route path=path!(":id/print") view=PrintPage />
                <Route path=path!(":id/delete") view=DeleteAssessmentPage />
            </ParentRoute>
            <ParentRoute path=path!("/cases") view=Outlet>
                <Route path=path!("") view=CasesPage />
                <Route path=path!("new") view=NewCasePage />
                <Route path=path!(":id") view=CasePage />
                <Route path=path!(":id/questions/:n") view=QuestionPage />
                <Route path=path!(":id/letter/:kind") view=CaseLetterPage />
                <Route path=path!(":id/pack") view=PackPage />
            </ParentRoute>
            <Route path=path!("/calculator") view=CalculatorPage />
            <Route path=path!("/data") view=DataPage />
            <ParentRoute path=path!("/reports") view=Outlet>
                <Route path=path!("") view=ReportsPage />
                <Route path=path!("member") view=MemberReportPage />
            </ParentRoute>
            <ParentRoute path=path!("/settings") view=Outlet>
                <Route path=path!("") view=SettingsPage />
                <Route path=path!("procedures/new") view=NewProcedurePage />
                <Route path=path!("lock") view=LockPage />
                <Route path=path!("lock/change") view=ChangePassphrasePage />
                <Route path=path!("lock/remove") view=RemoveLockPage />
                <Route path=path!("sync") view=TeamSyncPage />
            </ParentRoute>
        </Routes>
    }
}

/// `/records/:id`, `/assessments/:id`, `/cases/:id` and the pages under them.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct IdParams {
    pub id: Option<String>,
}

/// `/records/:id/letters/:kind` and `/cases/:id/letter/:kind`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct LetterParams {
    pub id: Option<String>,
    pub kind: Option<String>,
}

/// `/records/:id/correct/:fact` and `/records/:id/withdraw/:fact`: a fact's code
/// (`received`, `stage-2-acknowledged`).
#[derive(Params, Debug, Clone, PartialEq)]
pub struct FactParams {
    pub id: Option<String>,
    pub fact: Option<String>,
}

/// `/assessments/:id/part/:part`: a part's number as the framework writes it ("1", "2.3").
#[derive(Params, Debug, Clone, PartialEq)]
pub struct PartParams {
    pub id: Option<String>,
    pub part: Option<String>,
}

/// `/cases/:id/questions/:n`: the question's number, from 1.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct QuestionParams {
    pub id: Option<String>,
    pub n: Option<usize>,
}

/// The page's parameters, as they are now (a page drawn once for its address).
pub fn params_now<T: Params + PartialEq + Clone + Send + Sync + 'static>() -> Option<T> {
    use_params::<T>().get_untracked().ok()
}

/// The id in the page's address, as it is now; empty if there is none (no route allows that).
pub fn id_now() -> String {
    params_now::<IdParams>().and_then(|p| p.id).unwrap_or_default()
}

/// The id in the page's address, following it as it changes (one record page to another).
pub fn id_signal() -> Memo<Option<String>> {
    let params = use_params::<IdParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone())))
}

import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { lang, setLang, t } from './i18n.js';
import { AppStateContext, createAppState, useAppState } from './state.js';
import { FeedbackPage } from './views/feedback-inbox.js';
import { Login } from './views/login.js';
import { OverviewView } from './views/overview.js';
import { QualityView } from './views/quality.js';
import { QuestionsView } from './views/questions.js';
import { ReportsView } from './views/reports.js';
import { SuggestionsView } from './views/suggestions.js';
import { TargetsView } from './views/targets.js';
import { TrendView } from './views/trend.js';
import { CampaignsView } from './views/campaigns.js';
import { UnitsView } from './views/units.js';
import { HolidaysView } from './views/holidays.js';
import { NotificationsView } from './views/notifications.js';
import { SurveysView } from './surveys/surveys-view.js';

/** Dashboard pages by path; features add theirs (path, Vietnamese and English label, view). */
export const PAGES: { path: string; vi: string; en: string; view: () => preact.JSX.Element }[] = [
  { path: '/app/overview', vi: 'Tổng quan', en: 'Overview', view: OverviewView },
  { path: '/app/questions', vi: 'Câu hỏi', en: 'Questions', view: QuestionsView },
  { path: '/app/trend', vi: 'Diễn biến', en: 'Trend', view: TrendView },
  { path: '/app/suggestions', vi: 'Góp ý', en: 'Suggestions', view: SuggestionsView },
  { path: '/app/quality', vi: 'Chất lượng', en: 'Quality', view: QualityView },
  { path: '/app/campaigns', vi: 'Đợt khảo sát', en: 'Campaigns', view: CampaignsView },
  { path: '/app/surveys', vi: 'Bảng hỏi', en: 'Questionnaires', view: SurveysView },
  { path: '/app/feedback', vi: 'Phản ánh', en: 'Feedback', view: FeedbackPage },
  { path: '/app/targets', vi: 'Chỉ tiêu', en: 'Targets', view: TargetsView },
  { path: '/app/reports', vi: 'Báo cáo', en: 'Reports', view: ReportsView },
  { path: '/app/units', vi: 'Đơn vị', en: 'Units', view: UnitsView },
  { path: '/app/holidays', vi: 'Ngày nghỉ', en: 'Holidays', view: HolidaysView },
  {
    path: '/app/notifications',
    vi: 'Thông báo lỗi',
    en: 'Failed notifications',
    view: NotificationsView,
  },
];

function Shell() {
  const state = useAppState();
  const { me, path, navigate, logout } = state;
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    void state.loadMe();
  }, []);
  // On a phone the menu scrolls sideways: keep the current page's link in view.
  useEffect(() => {
    const nav = navRef.current;
    const link = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !link || nav.scrollWidth <= nav.clientWidth) return;
    const left = link.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft || left + link.offsetWidth > nav.scrollLeft + nav.clientWidth)
      nav.scrollLeft = left - (nav.clientWidth - link.offsetWidth) / 2;
  }, [path.value, me.value]);
  if (me.value === undefined) return <p class="content">{t('Đang tải…', 'Loading…')}</p>;
  if (me.value === null) return <Login />;
  const current = PAGES.find((p) => path.value.startsWith(p.path)) ?? PAGES[0]!;
  const View = current.view;
  return (
    <div class="shell">
      <header class="topbar">
        <strong class="site" title={`Hài Lòng · ${me.value.unit.name}`}>
          Hài Lòng · {me.value.unit.name}
        </strong>
        <nav ref={navRef} aria-label={t('Điều hướng', 'Navigation')}>
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path}
              aria-current={p === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {t(p.vi, p.en)}
            </a>
          ))}
        </nav>
        <span class="account">
          <button
            class="secondary"
            type="button"
            onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
          >
            {lang.value === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          <button class="secondary" type="button" onClick={() => void logout()}>
            {t('Đăng xuất', 'Sign out')}
          </button>
        </span>
      </header>
      <main class="content">
        <View />
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <AppStateContext.Provider value={createAppState()}>
      <Shell />
    </AppStateContext.Provider>,
    root,
  );
}

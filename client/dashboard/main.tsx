import { render, type ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { Loading } from './status.js';
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

/** Dashboard pages by path; features add theirs (path, Vietnamese and English label, view). */
export const PAGES: { path: string; vi: string; en: string; view: () => preact.JSX.Element }[] = [
  { path: '/app/overview', vi: 'Tổng quan', en: 'Overview', view: OverviewView },
  { path: '/app/questions', vi: 'Câu hỏi', en: 'Questions', view: QuestionsView },
  { path: '/app/trend', vi: 'Diễn biến', en: 'Trend', view: TrendView },
  { path: '/app/suggestions', vi: 'Góp ý', en: 'Suggestions', view: SuggestionsView },
  { path: '/app/quality', vi: 'Chất lượng', en: 'Quality', view: QualityView },
  { path: '/app/campaigns', vi: 'Đợt khảo sát', en: 'Campaigns', view: CampaignsView },
  { path: '/app/feedback', vi: 'Phản ánh', en: 'Feedback', view: FeedbackPage },
  { path: '/app/targets', vi: 'Chỉ tiêu', en: 'Targets', view: TargetsView },
  { path: '/app/reports', vi: 'Báo cáo', en: 'Reports', view: ReportsView },
  { path: '/app/units', vi: 'Đơn vị', en: 'Units', view: UnitsView },
  { path: '/app/holidays', vi: 'Ngày nghỉ', en: 'Holidays', view: HolidaysView },
];

/**
 * The page list. On a desktop it is a row in the header; up to a tablet's width it folds behind
 * a "Menu" button: opening it moves the focus to the current page's link, Esc closes it and
 * returns the focus to the button, and choosing a page closes it and focuses the page.
 */
function SiteNav({
  current,
  onGo,
  children,
}: {
  current: string;
  onGo: (path: string) => void;
  /** The account buttons: beside the pages on a desktop, inside the menu on a phone. */
  children: ComponentChildren;
}) {
  const open = useSignal(false);
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  // Before the next key press can land on the button: the focus moves as the list appears.
  useLayoutEffect(() => {
    if (!open.value) return;
    const links = nav.current?.querySelectorAll<HTMLElement>('a');
    (nav.current?.querySelector<HTMLElement>('[aria-current="page"]') ?? links?.[0])?.focus();
  }, [open.value]);
  const close = (refocus: boolean) => {
    open.value = false;
    if (refocus) button.current?.focus();
  };
  return (
    <div
      class={open.value ? 'site-nav open' : 'site-nav'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open.value) {
          e.preventDefault();
          close(true);
        }
      }}
      onFocusOut={(e) => {
        const to = e.relatedTarget as Node | null;
        if (open.value && to && !e.currentTarget.contains(to)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="menu-button secondary"
        aria-expanded={open.value}
        aria-controls="site-nav-list"
        onClick={() => (open.value = !open.value)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <nav
        ref={nav}
        id="site-nav-list"
        class={open.value ? 'open' : undefined}
        aria-label={t('Điều hướng', 'Navigation')}
      >
        {PAGES.map((p) => (
          <a
            key={p.path}
            href={p.path}
            aria-current={p.path === current ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              close(false);
              onGo(p.path);
            }}
          >
            {t(p.vi, p.en)}
          </a>
        ))}
      </nav>
      {children}
    </div>
  );
}

function Shell() {
  const state = useAppState();
  const { me, path, navigate, logout } = state;
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    void state.loadMe();
  }, []);
  if (me.value === undefined)
    return (
      <main class="content" aria-busy="true">
        <Loading />
      </main>
    );
  if (me.value === null) return <Login />;
  const current = PAGES.find((p) => path.value.startsWith(p.path)) ?? PAGES[0]!;
  const View = current.view;
  return (
    <div class="shell">
      <header class="topbar">
        <strong class="site" title={`Hài Lòng · ${me.value.unit.name}`}>
          Hài Lòng · {me.value.unit.name}
        </strong>
        <SiteNav
          current={current.path}
          onGo={(to) => {
            navigate(to);
            // The new page is read from its start, as after a page load.
            main.current?.focus();
          }}
        >
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
        </SiteNav>
      </header>
      <main class="content" ref={main} tabIndex={-1}>
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

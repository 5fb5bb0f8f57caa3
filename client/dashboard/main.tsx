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
import { TthcView } from './views/tthc.js';
import { TrendView } from './views/trend.js';
import { CampaignsView } from './views/campaigns.js';
import { UnitsView } from './views/units.js';
import { HolidaysView } from './views/holidays.js';
import { KiosksView } from './views/kiosks.js';
import { NotificationsView } from './views/notifications.js';
import { SurveysView } from './surveys/surveys-view.js';
import { AccountMenu } from './accounts/account-menu.js';
import { AccountsView } from './accounts/accounts-view.js';
import { AuditView } from './accounts/audit-view.js';
import { PasswordForm } from './accounts/password-form.js';
import { DialoguesView } from './dialogues/dialogues-view.js';

/**
 * Dashboard pages by path; features add theirs (path, Vietnamese and English label, view).
 * `admin`: in the menu of admins only; `menu: false`: reached from elsewhere (the account menu).
 */
export const PAGES: {
  path: string;
  vi: string;
  en: string;
  view: () => preact.JSX.Element;
  admin?: boolean;
  menu?: boolean;
}[] = [
  { path: '/app/overview', vi: 'Tổng quan', en: 'Overview', view: OverviewView },
  { path: '/app/questions', vi: 'Câu hỏi', en: 'Questions', view: QuestionsView },
  { path: '/app/trend', vi: 'Diễn biến', en: 'Trend', view: TrendView },
  { path: '/app/suggestions', vi: 'Góp ý', en: 'Suggestions', view: SuggestionsView },
  { path: '/app/quality', vi: 'Chất lượng', en: 'Quality', view: QualityView },
  { path: '/app/campaigns', vi: 'Đợt khảo sát', en: 'Campaigns', view: CampaignsView },
  { path: '/app/surveys', vi: 'Bảng hỏi', en: 'Questionnaires', view: SurveysView },
  { path: '/app/kiosks', vi: 'Quầy tiếp nhận', en: 'Counter devices', view: KiosksView },
  { path: '/app/feedback', vi: 'Phản ánh', en: 'Feedback', view: FeedbackPage },
  { path: '/app/dialogues', vi: 'Đối thoại', en: 'Dialogues', view: DialoguesView },
  { path: '/app/targets', vi: 'Chỉ tiêu', en: 'Targets', view: TargetsView },
  { path: '/app/tthc', vi: 'Hồ sơ TTHC', en: 'Administrative files', view: TthcView },
  { path: '/app/reports', vi: 'Báo cáo', en: 'Reports', view: ReportsView },
  { path: '/app/units', vi: 'Đơn vị', en: 'Units', view: UnitsView },
  { path: '/app/holidays', vi: 'Ngày nghỉ', en: 'Holidays', view: HolidaysView },
  {
    path: '/app/notifications',
    vi: 'Thông báo lỗi',
    en: 'Failed notifications',
    view: NotificationsView,
  },
  { path: '/app/accounts', vi: 'Tài khoản', en: 'Accounts', view: AccountsView, admin: true },
  { path: '/app/audit', vi: 'Nhật ký', en: 'Audit log', view: AuditView, admin: true },
  {
    path: '/app/password',
    vi: 'Đổi mật khẩu',
    en: 'Change password',
    view: PasswordForm,
    menu: false,
  },
];

/**
 * The page list. On a desktop it is a row in the header; up to a tablet's width it folds behind
 * a "Menu" button: opening it moves the focus to the current page's link, Esc closes it and
 * returns the focus to the button, and choosing a page closes it and focuses the page.
 */
function SiteNav({
  pages,
  current,
  onGo,
  children,
}: {
  /** The pages this user's menu lists. */
  pages: readonly { path: string; vi: string; en: string }[];
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
        {pages.map((p) => (
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
  const { me, path, navigate } = state;
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
  const isAdmin = me.value.user.role === 'admin';
  const pages = PAGES.filter((p) => !p.admin || isAdmin);
  const menu = pages.filter((p) => p.menu !== false);
  const current = pages.find((p) => path.value.startsWith(p.path)) ?? PAGES[0]!;
  // A one-time password from an admin: nothing else until the user has chosen their own.
  const View = me.value.user.mustChangePassword ? ForcedPasswordChange : current.view;
  return (
    <div class="shell">
      <header class="topbar">
        <strong class="site" title={`Hài Lòng · ${me.value.unit.name}`}>
          Hài Lòng · {me.value.unit.name}
        </strong>
        <SiteNav
          pages={menu}
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
            <AccountMenu />
          </span>
        </SiteNav>
      </header>
      <main class="content" ref={main} tabIndex={-1}>
        <View />
      </main>
    </div>
  );
}

function ForcedPasswordChange() {
  return <PasswordForm forced />;
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

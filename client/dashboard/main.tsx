import { render, type ComponentChildren, type FunctionComponent } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { Loading } from './status.js';
import { lang, setLang, t } from './i18n.js';
import { AppStateContext, createAppState, useAppState } from './state.js';
import { lazyView } from './lazy-view.js';
import { Login } from './views/login.js';
import { AccountMenu } from './accounts/account-menu.js';

// Each page is a chunk of its own, fetched when it is first opened: the sign-in form and the shell
// do not wait for Chart.js or the questionnaire editor.
const OverviewView = lazyView(() => import('./views/overview.js').then((m) => m.OverviewView));
const QuestionsView = lazyView(() => import('./views/questions.js').then((m) => m.QuestionsView));
const TrendView = lazyView(() => import('./views/trend.js').then((m) => m.TrendView));
const SuggestionsView = lazyView(() =>
  import('./views/suggestions.js').then((m) => m.SuggestionsView),
);
const QualityView = lazyView(() => import('./views/quality.js').then((m) => m.QualityView));
const CampaignsView = lazyView(() => import('./views/campaigns.js').then((m) => m.CampaignsView));
const SurveysView = lazyView(() => import('./surveys/surveys-view.js').then((m) => m.SurveysView));
const FeedbackPage = lazyView(() =>
  import('./views/feedback-inbox.js').then((m) => m.FeedbackPage),
);
const TargetsView = lazyView(() => import('./views/targets.js').then((m) => m.TargetsView));
const ReportsView = lazyView(() => import('./views/reports.js').then((m) => m.ReportsView));
const UnitsView = lazyView(() => import('./views/units.js').then((m) => m.UnitsView));
const HolidaysView = lazyView(() => import('./views/holidays.js').then((m) => m.HolidaysView));
const NotificationsView = lazyView(() =>
  import('./views/notifications.js').then((m) => m.NotificationsView),
);
const AccountsView = lazyView(() =>
  import('./accounts/accounts-view.js').then((m) => m.AccountsView),
);
const AuditView = lazyView(() => import('./accounts/audit-view.js').then((m) => m.AuditView));
const PasswordForm = lazyView<{ forced?: boolean }>(() =>
  import('./accounts/password-form.js').then((m) => m.PasswordForm),
);
const TthcView = lazyView(() => import('./views/tthc.js').then((m) => m.TthcView));
const KiosksView = lazyView(() => import('./views/kiosks.js').then((m) => m.KiosksView));
const DialoguesView = lazyView(() =>
  import('./dialogues/dialogues-view.js').then((m) => m.DialoguesView),
);

/**
 * Dashboard pages by path; features add theirs (path, Vietnamese and English label, view).
 * `admin`: in the menu of admins only; `menu: false`: reached from elsewhere (the account menu).
 */
export const PAGES: {
  path: string;
  vi: string;
  en: string;
  view: FunctionComponent;
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
  // While the session is read: the same placeholder the server sent (server/pages/home.ts).
  if (me.value === undefined)
    return (
      <div class="shell">
        <div class="topbar" role="banner">
          <strong class="site">Hài Lòng</strong>
        </div>
        <main class="content" aria-busy="true">
          <Loading what={t('bảng điều khiển', 'the dashboard')} />
        </main>
      </div>
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
  // The server sends this script only to a signed-in user: the page's chunk is fetched at once,
  // alongside the user's details, not after them.
  const opening = PAGES.find((p) => location.pathname.startsWith(p.path)) ?? PAGES[0]!;
  void (opening.view as Partial<ReturnType<typeof lazyView>>).preload?.().catch(() => {});
  // The server's placeholder shell goes in the same task as the first render: nothing blinks.
  root.replaceChildren();
  render(
    <AppStateContext.Provider value={createAppState()}>
      <Shell />
    </AppStateContext.Provider>,
    root,
  );
}

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import * as audit from './locales/audit';
import * as onAir from './locales/on-air';
import * as reports from './locales/reports';
import * as schedule from './locales/schedule';
import * as stations from './locales/stations';

/** Vietnamese first (DOMAIN.md); English as a second language. The choice is kept in the browser. */
export type Lang = 'vi' | 'en';

const base = {
  appName: 'Truyền thanh cơ sở',
  column: 'Hoa giữa đời thường',
  'menu.catalog': 'Kho phóng sự',
  'menu.exemplars': 'Điển hình',
  'menu.newReportage': 'Phóng sự mới',
  'menu.accounts': 'Tài khoản',
  'menu.password': 'Đổi mật khẩu',
  'menu.signOut': 'Đăng xuất',
  'signIn.title': 'Đăng nhập',
  'signIn.username': 'Tên đăng nhập',
  'signIn.password': 'Mật khẩu',
  'signIn.submit': 'Đăng nhập',
  'password.title': 'Đổi mật khẩu',
  'password.forced': 'Mật khẩu của bạn do quản trị đặt. Hãy đặt mật khẩu mới trước khi làm việc.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới (ít nhất 10 ký tự)',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.mismatch': 'Hai lần nhập không khớp.',
  'password.tooShort': 'Mật khẩu cần ít nhất 10 ký tự.',
  'password.save': 'Đổi mật khẩu',
  'password.done': 'Đã đổi mật khẩu.',
  required: 'Không được bỏ trống.',
  save: 'Lưu',
  cancel: 'Huỷ',
  reload: 'Tải lại',
  search: 'Tìm kiếm',
  all: 'Tất cả',
  loading: 'Đang tải…',
  saved: 'Đã lưu.',
  'status.draft': 'bản nháp',
  'status.submitted': 'chờ duyệt',
  'status.approved': 'đã duyệt',
  'status.rejected': 'bị từ chối',
  'status.archived': 'lưu trữ',
  'asset.queued': 'đang chờ xử lý',
  'asset.processing': 'đang xử lý',
  'asset.ready': 'sẵn sàng',
  'asset.failed': 'lỗi',
  'asset.cancelled': 'đã huỷ',
  'catalog.title': 'Kho phóng sự',
  'catalog.q': 'Tìm theo tiêu đề, điển hình, mô hình, địa bàn (gõ không dấu cũng được)',
  'catalog.segment': 'Chuyên mục',
  'catalog.field': 'Lĩnh vực',
  'catalog.place': 'Địa bàn',
  'catalog.status': 'Trạng thái',
  'catalog.recorded': 'Ngày ghi âm',
  'catalog.total': 'Tổng {n} phóng sự',
  'catalog.totalAtLeast': 'Hơn {n} phóng sự',
  'catalog.duration': 'Thời lượng',
  'r.title': 'Tiêu đề',
  'r.segment': 'Chuyên mục',
  'r.summary': 'Tóm tắt',
  'r.script': 'Kịch bản / lời dẫn',
  'r.field': 'Lĩnh vực',
  'r.exemplars': 'Điển hình',
  'r.places': 'Địa bàn',
  'r.reporter': 'Phóng viên',
  'r.recordedOn': 'Ngày ghi âm',
  'r.tags': 'Từ khoá',
  'r.validity': 'Thời hạn được phát',
  'r.new': 'Phóng sự mới',
  'r.create': 'Tạo phóng sự',
  'r.stale': 'Phóng sự vừa được người khác sửa.',
  'r.readOnly': 'Bạn chỉ có quyền xem phóng sự này.',
  'audio.title': 'Âm thanh',
  'audio.upload': 'Tải tệp âm thanh lên',
  'audio.uploading': 'Đang tải lên',
  'audio.processing': 'Đang xử lý',
  'audio.none': 'Chưa có âm thanh.',
  'audio.loudness': 'Độ lớn',
  'audio.before': 'Bản gốc',
  'audio.after': 'Bản phát sóng',
  'audio.integrated': 'Độ lớn tích hợp',
  'audio.truePeak': 'Mức đỉnh',
  'audio.help':
    'LUFS: độ lớn trung bình (chuẩn của đài −16 LUFS); dBTP: mức đỉnh thực của tín hiệu (không quá −1,5 dBTP); LU: độ chênh giữa đoạn to và đoạn nhỏ.',
  'audio.range': 'Dải độ lớn',
  'audio.waveform': 'Dạng sóng (bấm để tua)',
  'audio.player': 'Nghe bản phát sóng',
  'wf.title': 'Duyệt',
  'wf.submit': 'Gửi duyệt',
  'wf.withdraw': 'Rút lại',
  'wf.approve': 'Duyệt',
  'wf.reject': 'Từ chối',
  'wf.archive': 'Lưu trữ',
  'wf.restore': 'Khôi phục',
  'wf.reason': 'Lý do từ chối',
  'wf.done': 'Đã chuyển sang "{s}".',
  'history.title': 'Lịch sử trạng thái',
  'history.audit': 'Nhật ký thay đổi',
  'history.when': 'Thời điểm',
  'history.who': 'Người thực hiện',
  'history.action': 'Hành động',
  'history.change': 'Thay đổi',
  'history.reason': 'Lý do',
  'ex.title': 'Điển hình',
  'ex.q': 'Tìm theo tên, mô hình, địa bàn',
  'ex.name': 'Tên',
  'ex.kind': 'Loại',
  'ex.model': 'Mô hình',
  'ex.level': 'Cấp',
  'ex.commendations': 'Khen thưởng',
  'ex.reportages': 'Phóng sự',
  'ex.none': 'Chưa có.',
  'kind.individual': 'cá nhân',
  'kind.collective': 'tập thể',
  'level.grassroots': 'cơ sở',
  'level.commune': 'xã',
  'level.district': 'huyện',
  'level.province': 'tỉnh',
  'level.national': 'trung ương',
  'form.certificate_of_merit': 'giấy khen',
  'form.certificate_of_honour': 'bằng khen',
  'form.other': 'khác',
  'acc.title': 'Tài khoản',
  'acc.new': 'Tạo tài khoản',
  'acc.username': 'Tên đăng nhập',
  'acc.displayName': 'Họ và tên',
  'acc.roles': 'Vai trò',
  'acc.password': 'Mật khẩu tạm (ít nhất 10 ký tự)',
  'acc.active': 'Đang dùng',
  'acc.disabled': 'Đã khoá',
  'acc.disable': 'Khoá',
  'acc.enable': 'Mở khoá',
  'acc.reset': 'Đặt lại mật khẩu',
  'acc.lastLogin': 'Đăng nhập gần nhất',
  'acc.mustChange': 'chờ đổi mật khẩu',
  'acc.created': 'Đã tạo tài khoản.',
  'role.editor': 'Biên tập viên',
  'role.approver': 'Lãnh đạo duyệt',
  'role.scheduler': 'Người lập lịch',
  'role.operator': 'Người vận hành',
  'role.admin': 'Quản trị',
  notFound: 'Không có trang này.',
  forbidden: 'Bạn không có quyền xem trang này.',
};

type BaseKey = keyof typeof base;

const baseEn: Record<BaseKey, string> = {
  appName: 'Commune radio',
  column: 'Flowers amid everyday life',
  'menu.catalog': 'Reportages',
  'menu.exemplars': 'Exemplars',
  'menu.newReportage': 'New reportage',
  'menu.accounts': 'Accounts',
  'menu.password': 'Change password',
  'menu.signOut': 'Sign out',
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'password.title': 'Change password',
  'password.forced': 'Your password was set by an administrator. Choose a new one before you continue.',
  'password.current': 'Current password',
  'password.new': 'New password (at least 10 characters)',
  'password.confirm': 'New password again',
  'password.mismatch': 'The two entries differ.',
  'password.tooShort': 'At least 10 characters.',
  'password.save': 'Change password',
  'password.done': 'Password changed.',
  required: 'Required.',
  save: 'Save',
  cancel: 'Cancel',
  reload: 'Reload',
  search: 'Search',
  all: 'All',
  loading: 'Loading…',
  saved: 'Saved.',
  'status.draft': 'draft',
  'status.submitted': 'submitted',
  'status.approved': 'approved',
  'status.rejected': 'rejected',
  'status.archived': 'archived',
  'asset.queued': 'queued',
  'asset.processing': 'processing',
  'asset.ready': 'ready',
  'asset.failed': 'failed',
  'asset.cancelled': 'cancelled',
  'catalog.title': 'Reportages',
  'catalog.q': 'Search title, exemplar, model, place (diacritics optional)',
  'catalog.segment': 'Segment',
  'catalog.field': 'Field',
  'catalog.place': 'Place',
  'catalog.status': 'Status',
  'catalog.recorded': 'Recorded',
  'catalog.total': '{n} reportages',
  'catalog.totalAtLeast': 'More than {n} reportages',
  'catalog.duration': 'Length',
  'r.title': 'Title',
  'r.segment': 'Segment',
  'r.summary': 'Summary',
  'r.script': 'Script',
  'r.field': 'Field',
  'r.exemplars': 'Exemplars',
  'r.places': 'Places',
  'r.reporter': 'Reporter',
  'r.recordedOn': 'Recorded on',
  'r.tags': 'Tags',
  'r.validity': 'May air',
  'r.new': 'New reportage',
  'r.create': 'Create reportage',
  'r.stale': 'Someone else has just changed this reportage.',
  'r.readOnly': 'You may only read this reportage.',
  'audio.title': 'Audio',
  'audio.upload': 'Upload audio',
  'audio.uploading': 'Uploading',
  'audio.processing': 'Processing',
  'audio.none': 'No audio yet.',
  'audio.loudness': 'Loudness',
  'audio.before': 'Original',
  'audio.after': 'Broadcast',
  'audio.integrated': 'Integrated',
  'audio.truePeak': 'True peak',
  'audio.help':
    'LUFS: average loudness (house standard −16 LUFS); dBTP: true peak of the signal (at most −1.5 dBTP); LU: how far loud and quiet passages differ.',
  'audio.range': 'Loudness range',
  'audio.waveform': 'Waveform (click to seek)',
  'audio.player': 'Broadcast rendition',
  'wf.title': 'Approval',
  'wf.submit': 'Submit',
  'wf.withdraw': 'Withdraw',
  'wf.approve': 'Approve',
  'wf.reject': 'Reject',
  'wf.archive': 'Archive',
  'wf.restore': 'Restore',
  'wf.reason': 'Reason for rejection',
  'wf.done': 'Now "{s}".',
  'history.title': 'Status history',
  'history.audit': 'Audit trail',
  'history.when': 'When',
  'history.who': 'Who',
  'history.action': 'Action',
  'history.change': 'Change',
  'history.reason': 'Reason',
  'ex.title': 'Exemplars',
  'ex.q': 'Search name, model, place',
  'ex.name': 'Name',
  'ex.kind': 'Kind',
  'ex.model': 'Model',
  'ex.level': 'Level',
  'ex.commendations': 'Commendations',
  'ex.reportages': 'Reportages',
  'ex.none': 'None yet.',
  'kind.individual': 'individual',
  'kind.collective': 'collective',
  'level.grassroots': 'grassroots',
  'level.commune': 'commune',
  'level.district': 'district',
  'level.province': 'province',
  'level.national': 'national',
  'form.certificate_of_merit': 'certificate of merit',
  'form.certificate_of_honour': 'certificate of honour',
  'form.other': 'other',
  'acc.title': 'Accounts',
  'acc.new': 'New account',
  'acc.username': 'Username',
  'acc.displayName': 'Full name',
  'acc.roles': 'Roles',
  'acc.password': 'Temporary password (at least 10 characters)',
  'acc.active': 'Active',
  'acc.disabled': 'Disabled',
  'acc.disable': 'Disable',
  'acc.enable': 'Enable',
  'acc.reset': 'Reset password',
  'acc.lastLogin': 'Last sign-in',
  'acc.mustChange': 'must change password',
  'acc.created': 'Account created.',
  'role.editor': 'Editor',
  'role.approver': 'Approver',
  'role.scheduler': 'Scheduler',
  'role.operator': 'Operator',
  'role.admin': 'Administrator',
  notFound: 'No such page.',
  forbidden: 'You may not see this page.',
};

/**
 * Each screen keeps its own words in locales/<screen>.ts (`vi`, and `en` typed by it); they join the
 * shared ones here, so that a missing English word is a type error.
 */
const vi = { ...base, ...schedule.vi, ...onAir.vi, ...reports.vi, ...stations.vi, ...audit.vi };
const en: Record<keyof typeof vi, string> = {
  ...baseEn,
  ...schedule.en,
  ...onAir.en,
  ...reports.en,
  ...stations.en,
  ...audit.en,
};
type Key = keyof typeof vi;

const dictionaries: Record<Lang, Record<Key, string>> = { vi, en };

export type T = (key: Key, vars?: Record<string, string | number>) => string;

interface LangContext {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: T;
}

const Context = createContext<LangContext | null>(null);

const stored = (): Lang => (localStorage.getItem('lang') === 'en' ? 'en' : 'vi');

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(stored);
  const value = useMemo<LangContext>(() => {
    const dictionary = dictionaries[lang];
    return {
      lang,
      setLang: (next) => {
        localStorage.setItem('lang', next);
        document.documentElement.lang = next;
        setLangState(next);
      },
      t: (key, vars) =>
        Object.entries(vars ?? {}).reduce(
          (text, [name, v]) => text.replace(`{${name}}`, String(v)),
          dictionary[key] ?? key,
        ),
    };
  }, [lang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLang(): LangContext {
  const context = useContext(Context);
  if (!context) throw new Error('useLang outside LangProvider');
  return context;
}

/** For keys built at run time (`status.${s}`): falls back to the raw value. */
export const dynamicKey = (key: string) => key as Key;

/** A key built from a code the API sends (`audit.action.${code}`), or `fallback` for a code without words. */
export const knownKey = (key: string, fallback: Key): Key => (key in vi ? (key as Key) : fallback);

import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { post } from '../api';
import { messageOf, newPasswordRules, showFieldErrors } from '../forms';
import { useAuth } from '../auth';
import { useLang } from '../i18n';
import { useRoute } from '../router';
import { CenteredCard } from './SignInPage';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change one's own password. `forced`: the password was set by an admin, and the API refuses
 * everything else (403 PASSWORD_CHANGE_REQUIRED) until it is changed.
 */
export function ChangePasswordPage({ forced = false, extra }: { forced?: boolean; extra?: ReactNode }) {
  const { t } = useLang();
  const { reloadMe, signOut } = useAuth();
  const { navigate } = useRoute();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      void message.success(t('password.done'));
      await reloadMe();
      if (!forced) navigate('/reportages');
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <>
      {forced && <Alert type="warning" title={t('password.forced')} showIcon style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="change-password">
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus={forced} />
        </Form.Item>
        <Form.Item label={t('password.new')} name="newPassword" rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.save')}
          </Button>
          {forced && <Button onClick={() => void signOut()}>{t('menu.signOut')}</Button>}
        </div>
      </Form>
    </>
  );
  if (forced)
    return (
      <CenteredCard title={t('password.title')} extra={extra}>
        {body}
      </CenteredCard>
    );
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('password.title')}</h1>}
      style={{ maxWidth: 480 }}
    >
      {body}
    </Card>
  );
}

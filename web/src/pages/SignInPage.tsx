import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../forms';
import { useAuth } from '../auth';
import { useLang } from '../i18n';

/** Sign-in. The API's messages (wrong password, 429 after five tries) are Vietnamese and shown as given. */
export function SignInPage({ extra }: { extra?: ReactNode }) {
  const { signIn } = useAuth();
  const { t } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title={t('signIn.title')} extra={extra}>
      <Typography.Paragraph type="secondary">
        {t('appName')} · {t('column')}
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="sign-in">
        <Form.Item
          label={t('signIn.username')}
          name="username"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('signIn.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}

export function CenteredCard({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main
      style={{
        display: 'grid',
        placeItems: 'center',
        minHeight: '100vh',
        padding: 12,
        background: '#f5f0eb',
      }}
    >
      <Card
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{title}</h1>}
        extra={extra}
        style={{ width: '100%', maxWidth: 400 }}
      >
        {children}
      </Card>
    </main>
  );
}

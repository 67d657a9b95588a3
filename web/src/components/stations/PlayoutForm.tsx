import { Alert, App, Button, Form, Input, InputNumber, Radio, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf, showFieldErrors } from '../../forms';
import { dynamicKey, useLang } from '../../i18n';
import { DRIVERS, getPlayout, setPlayout, type Driver, type Playout } from '../../zones-api';

interface PlayoutFields {
  driver: Driver;
  graceSeconds: number;
  url?: string;
  username?: string;
  password?: string;
  command?: string;
  args?: string;
  timeoutSeconds?: number | null;
}

/**
 * A zone's playout driver (admin). The API never returns the Icecast password, only `passwordSet`;
 * the field starts empty and is sent only when typed, so the stored one is kept otherwise.
 */
export function PlayoutForm({ zoneId, editable }: { zoneId: number; editable: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlayoutFields>();
  const [playout, setPlayoutState] = useState<Playout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const driver = Form.useWatch('driver', form);

  useEffect(() => {
    let live = true;
    setPlayoutState(null);
    getPlayout(zoneId)
      .then((p) => {
        if (!live) return;
        setPlayoutState(p);
        form.setFieldsValue({
          driver: p.driver,
          graceSeconds: p.graceSeconds,
          url: p.url,
          username: p.username,
          password: '',
          command: p.command,
          args: (p.args ?? ['{file}']).join('\n'),
          timeoutSeconds: p.timeoutSeconds ?? null,
        });
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [zoneId, form]);

  const submit = async (v: PlayoutFields) => {
    setError(null);
    const body: Record<string, unknown> = { driver: v.driver, graceSeconds: v.graceSeconds };
    if (v.driver === 'icecast') {
      body.url = v.url;
      if (v.username) body.username = v.username;
      if (v.password) body.password = v.password;
    }
    if (v.driver === 'command') {
      body.command = v.command;
      body.args = (v.args ?? '')
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean);
      if (v.timeoutSeconds) body.timeoutSeconds = v.timeoutSeconds;
    }
    try {
      const saved = await setPlayout(zoneId, body);
      setPlayoutState(saved);
      form.setFieldValue('password', '');
      void message.success(t('saved'));
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    }
  };

  if (!playout && !error) return <Spin />;
  return (
    <Form<PlayoutFields>
      form={form}
      name="playout-form"
      layout="vertical"
      onFinish={submit}
      disabled={!editable}
      style={{ maxWidth: 560 }}
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item label={t('st.driver')} name="driver">
        <Radio.Group>
          <Space direction="vertical">
            {DRIVERS.map((d) => (
              <Radio key={d} value={d}>
                {t(dynamicKey(`st.driver.${d}`))}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {driver === 'icecast' && (
        <>
          <Form.Item label={t('st.url')} name="url" rules={[{ required: true, message: t('required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('st.username')} name="username">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label={t('st.password')}
            name="password"
            extra={playout?.passwordSet ? t('st.passwordSet') : undefined}
            rules={playout?.passwordSet ? [] : [{ required: true, message: t('required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      {driver === 'command' && (
        <>
          <Form.Item
            label={t('st.command')}
            name="command"
            rules={[{ required: true, message: t('required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('st.args')} name="args">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('st.timeout')} name="timeoutSeconds">
            <InputNumber min={1} max={86400} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('st.grace')} name="graceSeconds">
        <InputNumber min={0} max={3600} />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit">
          {t('save')}
        </Button>
      )}
    </Form>
  );
}

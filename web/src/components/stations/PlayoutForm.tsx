import { Alert, App, Button, Form, Input, InputNumber, Radio, Space, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messageOf, showFieldErrors } from '../../forms';
import { dynamicKey, useLang } from '../../i18n';
import { errorText, keys } from '../../queries';
import { DRIVERS, getPlayout, setPlayout, type Driver, type PlayoutInput } from '../../zones-api';

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
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const driver = Form.useWatch('driver', form);
  const loaded = useQuery({ queryKey: keys.playoutSettings(zoneId), queryFn: () => getPlayout(zoneId) });
  const playout = loaded.data ?? null;
  const loadError = errorText(loaded.error);

  // The form starts from what is stored (again after a save); the password field always empty.
  useEffect(() => {
    if (!playout) return;
    form.setFieldsValue({
      driver: playout.driver,
      graceSeconds: playout.graceSeconds,
      url: playout.url,
      username: playout.username,
      password: '',
      command: playout.command,
      args: (playout.args ?? ['{file}']).join('\n'),
      timeoutSeconds: playout.timeoutSeconds ?? null,
    });
  }, [playout, form]);

  const submit = async (v: PlayoutFields) => {
    setError(null);
    const body: PlayoutInput = { driver: v.driver, graceSeconds: v.graceSeconds };
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
      client.setQueryData(keys.playoutSettings(zoneId), saved);
      form.setFieldValue('password', '');
      void message.success(t('saved'));
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    }
  };

  const shownError = error ?? loadError;
  if (!playout && !shownError) return <Spin />;
  return (
    <Form<PlayoutFields>
      form={form}
      name="playout-form"
      layout="vertical"
      onFinish={submit}
      disabled={!editable}
      style={{ maxWidth: 560 }}
    >
      {shownError && (
        <Alert type="error" title={shownError} showIcon style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form.Item label={t('st.driver')} name="driver">
        <Radio.Group>
          <Space direction="vertical">
            {DRIVERS.map((d) => (
              <Radio key={d} value={d} title={d === 'icecast' ? t('st.driver.icecastHelp') : undefined}>
                {t(dynamicKey(`st.driver.${d}`))}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {driver === 'icecast' && (
        <>
          <Form.Item
            label={t('st.url')}
            name="url"
            extra={t('st.urlHelp')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('st.username')} name="username" extra={t('st.usernameHelp')}>
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
          <Form.Item label={t('st.args')} name="args" extra={t('st.argsHelp')}>
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

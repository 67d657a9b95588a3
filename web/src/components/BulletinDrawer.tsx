import { Alert, App, Button, Drawer, Form, Grid, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { messageOf } from '../forms';
import { dynamicKey, useLang } from '../i18n';
import { sendBulletin, type BulletinPriority, type ZoneOnAir } from '../playout-api';
import { FOLDED_SEARCH } from '../reference';

interface Values {
  title: string;
  priority: BulletinPriority;
  zoneIds: number[];
}

const PRIORITIES: BulletinPriority[] = ['emergency', 'priority', 'normal'];

/** An urgent bulletin: its audio goes through the ingest pipeline, then airs by its priority. */
export function BulletinDrawer({
  open,
  zones,
  onClose,
  onSent,
}: {
  open: boolean;
  zones: ZoneOnAir[];
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [sent, setSent] = useState(0);
  const submit = async (values: Values) => {
    if (!file) return setFileError(true);
    setBusy(true);
    try {
      const bulletin = await sendBulletin({ ...values, file });
      void message.success(t('air.sent', { t: bulletin.title }));
      form.resetFields();
      setFile(null);
      setSent((n) => n + 1); // a new, empty file input
      setError(null);
      onSent();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('air.newBulletin')}
      size={narrow ? '100%' : 460}
      destroyOnHidden={false}
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ priority: 'emergency', zoneIds: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="title"
          label={t('air.bulletinTitle')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="priority" label={t('air.priority')}>
          <Radio.Group
            options={PRIORITIES.map((p) => ({ value: p, label: t(dynamicKey(`air.priority.${p}`)) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        <Form.Item name="zoneIds" label={t('air.zones')} rules={[{ required: true, message: t('required') }]}>
          <Select
            mode="multiple"
            options={zones.map((z) => ({ value: z.zoneId, label: z.zoneName }))}
            showSearch={FOLDED_SEARCH}
          />
        </Form.Item>
        <Form.Item
          label={t('air.file')}
          htmlFor="bulletin-file"
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ? t('required') : undefined}
        >
          <input
            key={sent}
            id="bulletin-file"
            type="file"
            accept="audio/*,video/*"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(false);
            }}
          />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block={narrow}>
          {t('air.send')}
        </Button>
      </Form>
    </Drawer>
  );
}

import { Alert, Checkbox, Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf, showFieldErrors } from '../../forms';
import { useLang } from '../../i18n';
import { FOLDED_TREE_SEARCH, placeOptions } from '../../reference';
import type { PlaceNode } from '../../types';
import { createZone, updateZone, type Zone, type ZoneKind, type ZoneNode } from '../../zones-api';

interface ZoneFields {
  name: string;
  placeId?: number | null;
  timeZone: string;
  active: boolean;
}

/** What the modal edits: a new station, a new cluster under a station, or an existing zone. */
export type ZoneEdit = { kind: ZoneKind; parent?: ZoneNode; zone?: Zone };

/** Create or edit a station (on a place of the catalog) or a cluster (under its station). */
export function ZoneModal({
  edit,
  places,
  onClose,
}: {
  edit: ZoneEdit | null;
  places: PlaceNode[];
  onClose: (saved?: Zone) => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<ZoneFields>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [edit]);

  const submit = async (values: ZoneFields) => {
    if (!edit) return;
    setBusy(true);
    setError(null);
    try {
      const body = { ...values, placeId: values.placeId ?? null };
      const saved = edit.zone
        ? await updateZone(edit.zone.id, { ...body, version: edit.zone.version })
        : await createZone({ ...body, kind: edit.kind, parentId: edit.parent?.id ?? null });
      onClose(saved);
    } catch (e) {
      showFieldErrors(form, e);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const title = edit?.zone
    ? `${t('st.editZone')}: ${edit.zone.name}`
    : edit?.kind === 'cluster'
      ? `${t('st.newCluster')} · ${edit.parent?.name ?? ''}`
      : t('st.newStation');
  return (
    <Modal
      open={!!edit}
      title={title}
      onCancel={() => onClose()}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, form: 'zone-form' }}
      destroyOnHidden
    >
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form<ZoneFields>
        form={form}
        id="zone-form"
        name="zone-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: edit?.zone?.name ?? '',
          placeId: edit?.zone?.placeId ?? edit?.parent?.placeId ?? undefined,
          timeZone: edit?.zone?.timeZone ?? edit?.parent?.timeZone ?? 'Asia/Ho_Chi_Minh',
          active: edit?.zone?.active ?? true,
        }}
      >
        <Form.Item label={t('st.name')} name="name" rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('st.place')}
          name="placeId"
          rules={edit?.kind === 'station' ? [{ required: true, message: t('required') }] : []}
        >
          <TreeSelect
            treeData={placeOptions(places)}
            showSearch={FOLDED_TREE_SEARCH}
            allowClear
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item
          label={t('st.timeZone')}
          name="timeZone"
          extra={t('st.timeZoneHelp')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('st.active')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

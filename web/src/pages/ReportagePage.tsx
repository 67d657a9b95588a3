import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, get } from '../api';
import { messageOf, showFieldErrors } from '../forms';
import { useAuth } from '../auth';
import { AudioPanel } from '../components/AudioPanel';
import { ExemplarPicker } from '../components/ExemplarPicker';
import { StatusTag } from '../components/StatusTag';
import { WorkflowPanel } from '../components/WorkflowPanel';
import { DATE_FORMAT, fromCalendarDate, toCalendarDate } from '../format';
import { useLang } from '../i18n';
import { FOLDED_SEARCH, FOLDED_TREE_SEARCH, placeOptions, useReference } from '../reference';
import { useRoute } from '../router';
import type { Reportage } from '../types';

interface Values {
  title: string;
  segmentId: number;
  summary?: string;
  script?: string;
  fieldId?: number | null;
  exemplarIds: number[];
  placeIds: number[];
  reporter?: string;
  recordedOn?: Dayjs | null;
  tags: string[];
  validity?: [Dayjs | null, Dayjs | null] | null;
}

/** API fields that one form field holds. */
const FIELD_OF = { validFrom: 'validity', validUntil: 'validity' };

function toValues(r: Reportage): Values {
  return {
    title: r.title,
    segmentId: r.segment.id,
    summary: r.summary ?? '',
    script: r.script ?? '',
    fieldId: r.field?.id ?? null,
    exemplarIds: r.exemplars.map((e) => e.id),
    placeIds: r.places.map((p) => p.id),
    reporter: r.reporter ?? '',
    recordedOn: fromCalendarDate(r.recordedOn),
    tags: r.tags,
    validity:
      r.validFrom || r.validUntil ? [fromCalendarDate(r.validFrom), fromCalendarDate(r.validUntil)] : null,
  };
}

const emptyToNull = (text: string | undefined) => (text && text.trim() ? text : null);

function toBody(v: Values) {
  return {
    title: v.title,
    segmentId: v.segmentId,
    summary: emptyToNull(v.summary),
    script: emptyToNull(v.script),
    fieldId: v.fieldId ?? null,
    exemplarIds: v.exemplarIds ?? [],
    placeIds: v.placeIds ?? [],
    reporter: emptyToNull(v.reporter),
    recordedOn: toCalendarDate(v.recordedOn),
    tags: v.tags ?? [],
    validFrom: toCalendarDate(v.validity?.[0]),
    validUntil: toCalendarDate(v.validity?.[1]),
  };
}

/**
 * One reportage: the form (create, or edit with the `version` read), its audio, its workflow and
 * history. The API's field-level `details` are shown next to the fields; a 409 STALE_VERSION offers
 * to reload what the other person saved.
 */
export function ReportagePage({ id }: { id: number | null }) {
  const { t } = useLang();
  const { can } = useAuth();
  const { navigate } = useRoute();
  const { message } = App.useApp();
  const reference = useReference();
  const [form] = Form.useForm<Values>();
  const [reportage, setReportage] = useState<Reportage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const alerts = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      const r = await get<Reportage>(`/api/reportages/${id}`);
      setReportage(r);
      form.setFieldsValue(toValues(r));
      setStale(false);
      setError(null);
      setHistoryKey((k) => k + 1);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [id, form]);

  useEffect(() => {
    void load();
  }, [load]);

  // A new reportage goes to the first segment unless the editor picks another (there is usually one).
  useEffect(() => {
    if (id === null && reference && !form.getFieldValue('segmentId'))
      form.setFieldValue('segmentId', reference.segments[0]?.id);
  }, [id, reference, form]);

  const editable = can('editor') && reportage?.status !== 'archived';

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (id === null) {
        const created = await api<Reportage>('POST', '/api/reportages', toBody(values));
        void message.success(t('saved'));
        navigate(`/reportages/${created.id}`, { replace: true });
        return;
      }
      const updated = await api<Reportage>('PATCH', `/api/reportages/${id}`, {
        ...toBody(values),
        version: reportage!.version,
      });
      setReportage(updated);
      form.setFieldsValue(toValues(updated));
      setHistoryKey((k) => k + 1);
      void message.success(t('saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') setStale(true);
      setError(messageOf(e));
      // The save button is at the bottom: bring what went wrong into view.
      const field = showFieldErrors(form, e, FIELD_OF);
      if (field) form.scrollToField(field, { block: 'center' });
      else alerts.current?.scrollIntoView({ block: 'center' });
    } finally {
      setBusy(false);
    }
  };

  if (id !== null && !reportage && !error) return <Spin style={{ display: 'block', margin: 48 }} />;

  const title = id === null ? t('r.new') : (reportage?.title ?? '');
  return (
    <section aria-labelledby="reportage-title">
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="reportage-title" style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {reportage && <StatusTag status={reportage.status} />}
      </Space>
      <div ref={alerts}>
        {stale && (
          <Alert
            type="warning"
            showIcon
            title={t('r.stale')}
            description={error}
            action={<Button onClick={() => void load()}>{t('reload')}</Button>}
            style={{ marginBottom: 12 }}
            role="alert"
          />
        )}
        {error && !stale && (
          <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />
        )}
      </div>
      {id !== null && !editable && reportage && (
        <Alert type="info" title={t('r.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card>
            <Form<Values>
              form={form}
              name="reportage"
              layout="vertical"
              onFinish={save}
              disabled={!editable && id !== null}
              initialValues={{ exemplarIds: [], placeIds: [], tags: [] }}
              scrollToFirstError
              onKeyDown={(e) => {
                // Enter in a date field takes the typed date; it must not also send the form.
                if (e.key === 'Enter' && (e.target as HTMLElement).closest('.ant-picker')) e.preventDefault();
              }}
            >
              <Form.Item
                label={t('r.title')}
                name="title"
                rules={[{ required: true, message: t('required') }]}
              >
                <Input maxLength={300} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('r.segment')}
                    name="segmentId"
                    rules={[{ required: true, message: t('required') }]}
                  >
                    <Select options={reference?.segments.map((s) => ({ value: s.id, label: s.name }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('r.field')} name="fieldId">
                    <Select
                      allowClear
                      showSearch={FOLDED_SEARCH}
                      options={reference?.fields.map((f) => ({ value: f.id, label: f.name }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('r.summary')} name="summary">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
              </Form.Item>
              <Form.Item label={t('r.exemplars')} name="exemplarIds">
                <ExemplarPicker initial={reportage?.exemplars ?? []} />
              </Form.Item>
              <Form.Item label={t('r.places')} name="placeIds">
                <TreeSelect
                  multiple
                  showSearch={FOLDED_TREE_SEARCH}
                  treeDefaultExpandAll
                  treeData={reference ? placeOptions(reference.places) : []}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('r.reporter')} name="reporter">
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('r.recordedOn')} name="recordedOn">
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('r.tags')} name="tags">
                    <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('r.validity')} name="validity">
                    <DatePicker.RangePicker
                      format={DATE_FORMAT}
                      allowEmpty={[true, true]}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('r.script')} name="script">
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
              </Form.Item>
              {(editable || id === null) && (
                <Button type="primary" htmlType="submit" loading={busy}>
                  {id === null ? t('r.create') : t('save')}
                </Button>
              )}
            </Form>
          </Card>
        </Col>
        {reportage && (
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <AudioPanel reportage={reportage} onChanged={() => void load()} />
              <WorkflowPanel
                reportage={reportage}
                historyKey={historyKey}
                onChanged={(r) => (
                  setReportage(r),
                  form.setFieldsValue(toValues(r)),
                  setHistoryKey((k) => k + 1)
                )}
                onStale={() => void load()}
              />
            </Space>
          </Col>
        )}
      </Row>
    </section>
  );
}

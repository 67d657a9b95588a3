import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, get, post } from '../api';
import { messageOf } from '../forms';
import { useAuth } from '../auth';
import { dateTime } from '../format';
import { dynamicKey, knownKey, useLang } from '../i18n';
import type { AuditEntry, Page, Reportage, ReportageStatus, Role, StatusChange } from '../types';

type Action = 'submit' | 'withdraw' | 'approve' | 'reject' | 'archive' | 'restore';

/** The README's workflow table: which action from which status, by whom. */
const ACTIONS: {
  action: Action;
  from: ReportageStatus[];
  roles: Role[];
  primary?: boolean;
  danger?: boolean;
}[] = [
  { action: 'submit', from: ['draft', 'rejected'], roles: ['editor'], primary: true },
  { action: 'approve', from: ['submitted'], roles: ['approver'], primary: true },
  { action: 'reject', from: ['submitted'], roles: ['approver'], danger: true },
  { action: 'withdraw', from: ['submitted'], roles: ['editor'] },
  { action: 'archive', from: ['draft', 'rejected', 'approved'], roles: ['editor', 'approver'] },
  { action: 'restore', from: ['archived'], roles: ['editor', 'approver'] },
];

export function WorkflowPanel({
  reportage,
  historyKey,
  onChanged,
  onStale,
}: {
  reportage: Reportage;
  historyKey: number;
  onChanged: (r: Reportage) => void;
  onStale: () => void;
}) {
  const { t } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const run = async (action: Action, reason?: string) => {
    setBusy(action);
    setError(null);
    try {
      const updated = await post<Reportage>(`/api/reportages/${reportage.id}/${action}`, {
        version: reportage.version,
        ...(reason ? { reason } : {}),
      });
      void message.success(t('wf.done', { s: t(dynamicKey(`status.${updated.status}`)) }));
      onChanged(updated);
      setRejecting(false);
      reasonForm.resetFields();
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError && e.code === 'STALE_VERSION') onStale();
    } finally {
      setBusy(null);
    }
  };

  const available = ACTIONS.filter((a) => a.from.includes(reportage.status) && can(...a.roles));

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('wf.title')}</h2>} className="workflow-panel">
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Space wrap style={{ marginBottom: 12 }}>
        {available.map((a) => (
          <Button
            key={a.action}
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            loading={busy === a.action}
            onClick={() => (a.action === 'reject' ? setRejecting(true) : void run(a.action))}
          >
            {t(dynamicKey(`wf.${a.action}`))}
          </Button>
        ))}
      </Space>
      <History reportageId={reportage.id} refreshKey={historyKey} />
      <Modal
        open={rejecting}
        title={t('wf.reject')}
        onCancel={() => setRejecting(false)}
        okText={t('wf.reject')}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, htmlType: 'submit', form: 'reject', loading: busy === 'reject' }}
        destroyOnHidden
      >
        <Form
          form={reasonForm}
          id="reject"
          name="reject"
          layout="vertical"
          onFinish={(v) => void run('reject', v.reason)}
        >
          <Form.Item
            label={t('wf.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The status history for everyone; the full audit trail for approvers and admins. */
function History({ reportageId, refreshKey }: { reportageId: number; refreshKey: number }) {
  const { t } = useLang();
  const { can } = useAuth();
  const [history, setHistory] = useState<StatusChange[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const mayAudit = can('approver');

  useEffect(() => {
    void get<StatusChange[]>(`/api/reportages/${reportageId}/history`).then(setHistory);
    if (mayAudit)
      void get<Page<AuditEntry>>(`/api/audit?entity=reportage&entityId=${reportageId}&pageSize=100`).then(
        (p) => setAudit(p.items),
      );
  }, [reportageId, refreshKey, mayAudit]);

  const status = (s: ReportageStatus | null) => (s ? t(dynamicKey(`status.${s}`)) : '—');
  const historyTable = (
    <Table<StatusChange>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...history].reverse()}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('history.when'), key: 'at', render: (_, h) => dateTime(h.createdAt) },
        { title: t('history.who'), key: 'who', render: (_, h) => h.actorName ?? t('audit.system') },
        {
          title: t('history.change'),
          key: 'change',
          render: (_, h) => `${status(h.fromStatus)} → ${status(h.toStatus)}`,
        },
        { title: t('history.reason'), dataIndex: 'reason' },
      ]}
    />
  );
  if (!mayAudit) return historyTable;
  return (
    <Tabs
      items={[
        { key: 'history', label: t('history.title'), children: historyTable },
        {
          key: 'audit',
          label: t('history.audit'),
          children: <AuditList entries={audit} />,
        },
      ]}
    />
  );
}

/**
 * The audit trail as people read it: when, who (their name), what they did and which fields, in
 * words; a list that wraps inside its card instead of a wide table.
 */
/** Fields a reader of the trail does not need: the record's own id and who last edited it (the entry says who). */
const BOOKKEEPING = new Set(['id', 'editedBy']);

function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useLang();
  const status = (value: unknown) =>
    typeof value === 'string' ? t(knownKey(`status.${value}`, 'audit.field.other')) : '—';
  const change = (field: string, c: { from?: unknown; to?: unknown }) => {
    const label = t(knownKey(`audit.field.${field}`, 'audit.field.other'));
    return field === 'status' ? `${label}: ${status(c.from)} → ${status(c.to)}` : label;
  };
  return (
    <List
      size="small"
      className="audit-list"
      dataSource={entries}
      locale={{ emptyText: t('audit.none') }}
      renderItem={(a) => (
        <List.Item style={{ display: 'block', overflowWrap: 'anywhere' }}>
          <div>
            <Typography.Text type="secondary">{dateTime(a.at)}</Typography.Text> ·{' '}
            <strong>{a.displayName ?? a.username ?? t('audit.system')}</strong> ·{' '}
            {t(knownKey(`audit.action.${a.action}`, 'audit.action.other'))}
          </div>
          {Object.keys(a.changes).length > 0 && (
            <div style={{ fontSize: 12 }}>
              {Object.entries(a.changes)
                .filter(([field]) => !BOOKKEEPING.has(field))
                .map(([field, c]) => change(field, c))
                .join('; ')}
            </div>
          )}
        </List.Item>
      )}
    />
  );
}

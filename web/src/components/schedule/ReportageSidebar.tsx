import { Alert, Button, Card, Empty, Input, Select, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { duration } from '../../format';
import { useLang } from '../../i18n';
import { errorText, keys } from '../../queries';
import { fold } from '../../reference';
import { scheduleApi, slotKey, type AllocationSlot } from '../../schedule-api';
import type { Reportage } from '../../types';
import { REPORTAGE_DRAG } from './ScheduleCalendar';

const NONE: Reportage[] = [];

interface Props {
  slots: AllocationSlot[];
  selectedSlot: string | undefined;
  slotLabel: (slot: AllocationSlot) => string;
  onSelectSlot: (key: string | undefined) => void;
  onPlace: (slot: AllocationSlot, reportageId: number) => Promise<void>;
  canPlace: boolean;
}

/** Typed text against an option, ignoring case and Vietnamese marks, like the API's search. */
export const matches = (input: string, option?: { label?: unknown }) =>
  fold(String(option?.label ?? '')).includes(fold(input));

/**
 * Approved reportages with ready audio, searched as people type (the API folds diacritics), each
 * one draggable onto a slot of the calendar. Without a mouse: choose a slot and a reportage here
 * and press "Xếp vào đây".
 */
export function ReportageSidebar(props: Props) {
  const { t } = useLang();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [reportageId, setReportageId] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const approved = useQuery({
    queryKey: keys.approved(q.trim()),
    queryFn: () => scheduleApi.approved(q),
    placeholderData: keepPreviousData,
  });
  const items = approved.data ?? NONE;
  const error = errorText(approved.error);

  const slot = props.slots.find((s) => slotKey(s) === props.selectedSlot);

  return (
    <aside aria-labelledby="sch-reportages" className="schedule-sidebar">
      <Card size="small" title={<span id="sch-reportages">{t('sch.reportages')}</span>}>
        <Input.Search
          aria-label={t('sch.searchReportages')}
          placeholder={t('sch.searchReportages')}
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={setQ}
          style={{ marginBottom: 8 }}
        />
        {props.canPlace && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('sch.dragHint')}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" title={error} showIcon role="alert" />}
        {items.length === 0 && !error && <Empty description={t('sch.noReportages')} />}
        <ul className="reportage-drag-list" aria-label={t('sch.reportages')}>
          {items.map((r) => (
            <li
              key={r.id}
              className="reportage-drag"
              data-reportage={r.id}
              draggable={props.canPlace}
              onDragStart={(event) => {
                event.dataTransfer.setData(REPORTAGE_DRAG, String(r.id));
                event.dataTransfer.setData('text/plain', r.title);
                event.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <div className="reportage-drag-title">{r.title}</div>
              <div className="reportage-drag-meta">
                {r.segment.name} · {duration(r.durationSeconds)}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {props.canPlace && (
        <Card size="small" title={t('sch.placeTitle')} style={{ marginTop: 12 }}>
          <label htmlFor="sch-slot" className="sch-label">
            {t('sch.slot')}
          </label>
          <Select
            id="sch-slot"
            aria-label={t('sch.slot')}
            placeholder={t('sch.slotPlaceholder')}
            style={{ width: '100%', marginBottom: 8 }}
            allowClear
            showSearch={{ filterOption: matches }}
            value={props.selectedSlot}
            onChange={(key?: string) => props.onSelectSlot(key)}
            options={props.slots
              .filter((s) => new Date(s.start) > new Date())
              .map((s) => ({ value: slotKey(s), label: props.slotLabel(s) }))}
          />
          <label htmlFor="sch-reportage" className="sch-label">
            {t('sch.reportage')}
          </label>
          <Select
            id="sch-reportage"
            aria-label={t('sch.reportage')}
            placeholder={t('sch.reportagePlaceholder')}
            style={{ width: '100%', marginBottom: 8 }}
            showSearch={{ filterOption: matches }}
            allowClear
            value={reportageId}
            onChange={(id?: number) => setReportageId(id)}
            options={items.map((r) => ({
              value: r.id,
              label: `${r.title} (${duration(r.durationSeconds)})`,
            }))}
          />
          <Button
            type="primary"
            block
            disabled={!slot || !reportageId}
            loading={busy}
            onClick={() => {
              if (!slot || !reportageId) return;
              setBusy(true);
              void props.onPlace(slot, reportageId).finally(() => setBusy(false));
            }}
          >
            {t('sch.placeHere')}
          </Button>
        </Card>
      )}
    </aside>
  );
}

import { Alert, App, Button, Flex, TreeSelect, Typography } from 'antd';
import type { EventDropInfo } from '@fullcalendar/react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { PlacementDialog } from '../components/schedule/PlacementDialog';
import { PlannerDrawer } from '../components/schedule/PlannerDrawer';
import { ReportageSidebar } from '../components/schedule/ReportageSidebar';
import { ScheduleCalendar, type Refusal } from '../components/schedule/ScheduleCalendar';
import { ExportsCard, todayInZone, WarningsCard } from '../components/schedule/SchedulePanels';
import '../components/schedule/schedule.css';
import { dayjs, ZONE } from '../format';
import { messageOf } from '../forms';
import { useLang } from '../i18n';
import { AREAS, errorText, keys } from '../queries';
import { FOLDED_TREE_SEARCH, useReference } from '../reference';
import { scheduleApi, slotKey, type AllocationSlot, type Placement, type Zone } from '../schedule-api';

const SECOND = 1000;
const NO_ZONES: Zone[] = [];

/** `?zone=3&date=2027-05-04` opens a station on a day (links from elsewhere, the browser test). */
function fromAddress(): { zoneId?: number; date: string } {
  const params = new URLSearchParams(window.location.search);
  const zone = Number(params.get('zone'));
  const date = params.get('date');
  return {
    zoneId: zone > 0 ? zone : undefined,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayInZone(),
  };
}

/**
 * Lịch phát sóng: one station's week (or day) with its windows, segment slots and placements;
 * approved reportages dragged (or chosen from the keyboard) into a slot; refusals shown on the
 * slot; the planner; warnings before air; the rundown and the calendar feed.
 */
export function SchedulePage() {
  const { t } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const reference = useReference();
  const start = useMemo(fromAddress, []);
  const client = useQueryClient();
  const [zoneId, setZoneId] = useState<number | undefined>(start.zoneId);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [selectedSlot, setSelectedSlot] = useState<string | undefined>();
  const [opened, setOpened] = useState<Placement | null>(null);
  const [planner, setPlanner] = useState(false);
  const canPlace = can('scheduler');

  const zoneList = useQuery({ queryKey: keys.zones, queryFn: scheduleApi.zones });
  const zones = zoneList.data ?? NO_ZONES;
  // Until one is chosen: the first active station.
  useEffect(() => {
    const list = zoneList.data;
    if (list) setZoneId((id) => id ?? list.find((z) => z.kind === 'station' && z.active)?.id ?? list[0]?.id);
  }, [zoneList.data]);

  const read = useQuery({
    queryKey: keys.schedule(zoneId ?? 0, range?.from ?? '', range?.to ?? ''),
    queryFn: () => scheduleApi.schedule(range!.from, range!.to, zoneId!),
    enabled: !!zoneId && !!range,
    placeholderData: keepPreviousData,
  });
  const schedule = read.data ?? null;
  const error = errorText(zoneList.error, read.error);

  const zone = zones.find((z) => z.id === zoneId);
  const timeZone = zone?.timeZone ?? ZONE;
  const zoneName = useCallback((id: number) => zones.find((z) => z.id === id)?.name ?? `#${id}`, [zones]);
  const segmentName = (id: number) => reference?.segments.find((s) => s.id === id)?.name ?? `#${id}`;
  const slots = schedule?.allocations ?? [];
  const slotLabel = (slot: AllocationSlot) => {
    const at = dayjs(slot.start).tz(timeZone);
    const weekday = at.format('dddd');
    return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${at.format('DD/MM/YYYY HH:mm')} – ${segmentName(slot.segmentId)} (${zoneName(slot.zoneId)})`;
  };
  /** After a change: the calendar, the warnings, the list of reportages and what is on air. */
  const reload = () => {
    for (const queryKey of AREAS.schedule) void client.invalidateQueries({ queryKey });
  };

  /** A new item goes after what the slot already holds (the slot's start when it is empty). */
  const startIn = (slot: AllocationSlot, except?: number): Date => {
    const from = new Date(slot.start).getTime();
    const until = from + slot.maxSeconds * SECOND;
    let at = from;
    for (const p of schedule?.placements ?? []) {
      const begins = new Date(p.startsAt).getTime();
      if (p.id !== except && p.allocationId === slot.allocationId && begins >= from && begins < until)
        at = Math.max(at, new Date(p.endsAt).getTime());
    }
    return new Date(Math.ceil(at / SECOND) * SECOND);
  };

  const refuse = (slot: AllocationSlot | undefined, e: unknown) => {
    if (slot && e instanceof ApiError && e.status >= 400 && e.status < 500)
      setRefusal({ slot: slotKey(slot), code: e.code, message: e.message });
    else message.error(messageOf(e));
  };

  const place = async (slot: AllocationSlot, reportageId: number) => {
    setSelectedSlot(slotKey(slot));
    try {
      await scheduleApi.place({
        reportageId,
        zoneId: slot.zoneId,
        startsAt: startIn(slot).toISOString(),
        allocationId: slot.allocationId,
      });
      setRefusal(null);
      message.success(t('sch.placed'));
      reload();
    } catch (e) {
      refuse(slot, e);
    }
  };

  const move = (placement: Placement, info: EventDropInfo) => {
    const at = info.event.start;
    if (!at) return info.revert();
    const slot = slots.find((s) => {
      const from = new Date(s.start).getTime();
      return at.getTime() >= from && at.getTime() < from + s.maxSeconds * SECOND;
    });
    scheduleApi
      .move(placement.id, {
        startsAt: at.toISOString(),
        allocationId: slot?.allocationId ?? null,
        version: placement.version,
      })
      .then(() => {
        setRefusal(null);
        message.success(t('sch.moved'));
        reload();
      })
      .catch((e: unknown) => {
        info.revert();
        refuse(slot, e);
      });
  };

  const treeData = zones
    .filter((z) => z.kind === 'station')
    .map((s) => ({
      value: s.id,
      title: s.name,
      children: zones.filter((c) => c.parentId === s.id).map((c) => ({ value: c.id, title: c.name })),
    }));

  return (
    <section aria-labelledby="schedule-title" className="schedule-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={1} id="schedule-title" style={{ fontSize: 22, margin: 0 }}>
          {t('sch.title')}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="sch-zone" className="sch-label" style={{ margin: 0 }}>
            {t('sch.station')}
          </label>
          <TreeSelect
            id="sch-zone"
            aria-label={t('sch.station')}
            style={{ width: 320 }}
            treeDefaultExpandAll
            showSearch={FOLDED_TREE_SEARCH}
            value={zoneId}
            onChange={(id: number) => {
              setZoneId(id);
              setRefusal(null);
              setSelectedSlot(undefined);
            }}
            treeData={treeData}
            placeholder={t('sch.stationPlaceholder')}
          />
          {canPlace && (
            <Button type="primary" onClick={() => setPlanner(true)} disabled={!zoneId || !range}>
              {t('sch.planner')}
            </Button>
          )}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      {zones.length === 0 && !error && <Alert type="info" showIcon title={t('sch.noZones')} />}
      <div className="schedule-layout">
        <div style={{ minWidth: 0 }}>
          {zoneId && (
            <ScheduleCalendar
              key={`${zoneId}-${timeZone}`}
              date={range?.from ?? start.date}
              timeZone={timeZone}
              schedule={schedule}
              segments={reference?.segments ?? []}
              zoneId={zoneId}
              zoneName={zoneName}
              selectedSlot={selectedSlot}
              refusal={refusal}
              editable={canPlace}
              onRange={(from, to) => setRange((r) => (r?.from === from && r.to === to ? r : { from, to }))}
              onSelectSlot={(slot) => setSelectedSlot(slotKey(slot))}
              onDropReportage={(slot, id) => void place(slot, id)}
              onOpenPlacement={setOpened}
              onMovePlacement={move}
              onDismissRefusal={() => setRefusal(null)}
            />
          )}
        </div>
        <ReportageSidebar
          slots={slots}
          selectedSlot={selectedSlot}
          slotLabel={slotLabel}
          onSelectSlot={setSelectedSlot}
          onPlace={place}
          canPlace={canPlace}
        />
      </div>
      <div className="schedule-panels">
        <WarningsCard />
        <ExportsCard zoneId={zoneId} date={range?.from ?? start.date} />
      </div>
      <PlacementDialog
        placement={opened}
        slots={slots}
        slotLabel={slotLabel}
        canEdit={canPlace}
        onClose={() => setOpened(null)}
        onChanged={reload}
        startIn={startIn}
      />
      {canPlace && (
        <PlannerDrawer
          open={planner}
          onClose={() => setPlanner(false)}
          zoneId={zoneId}
          zoneName={zoneName}
          segments={reference?.segments ?? []}
          from={range?.from ?? start.date}
          to={range?.to ?? start.date}
          onApplied={reload}
        />
      )}
    </section>
  );
}

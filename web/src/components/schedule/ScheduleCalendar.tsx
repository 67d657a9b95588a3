import FullCalendar from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import viLocale from '@fullcalendar/react/locales/vi';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { Button, Popover } from 'antd';
import { useMemo, type DragEvent } from 'react';
import { dayjs, duration } from '../../format';
import { useLang } from '../../i18n';
import type { Ref } from '../../types';
import { slotKey, type AllocationSlot, type Placement, type Schedule } from '../../schedule-api';
import type { EventDropInfo, EventInput } from '@fullcalendar/react';

/** The MIME type of a reportage dragged from the side list (its id as text). */
export const REPORTAGE_DRAG = 'application/x-truyenthanh-reportage';

export interface Refusal {
  /** The slot (slotKey) that refused. */
  slot: string;
  code: string;
  message: string;
}

interface Props {
  date: string;
  timeZone: string;
  schedule: Schedule | null;
  segments: Ref[];
  zoneId: number | undefined;
  zoneName: (id: number) => string;
  selectedSlot: string | undefined;
  refusal: Refusal | null;
  editable: boolean;
  onRange: (from: string, to: string, date: string) => void;
  onSelectSlot: (slot: AllocationSlot) => void;
  onDropReportage: (slot: AllocationSlot, reportageId: number) => void;
  onOpenPlacement: (placement: Placement) => void;
  onMovePlacement: (placement: Placement, info: EventDropInfo) => void;
  onDismissRefusal: () => void;
}

/** FullCalendar's Vietnamese, with the words its locale leaves in English (screen-reader hints, "Timed"). */
const VI = {
  ...viLocale,
  timedText: 'Theo giờ',
  eventsHint: 'Lượt phát',
  closeHint: 'Đóng',
  viewHint: 'Xem theo $0',
  viewChangeHint: 'Đổi cách xem',
  navLinkHint: 'Xem $0',
  prevHint: '$0 trước',
  nextHint: '$0 sau',
  todayHint: 'Hôm nay',
};

const HOUR_MINUTES = 60;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / HOUR_MINUTES)).padStart(2, '0')}:${String(minutes % HOUR_MINUTES).padStart(2, '0')}:00`;

/**
 * The slot hours to show: from half an hour before the earliest window to half an hour after the
 * latest (5-minute rows; a 24-hour grid would make a 10-minute slot too small to drop onto).
 */
function visibleHours(schedule: Schedule | null, timeZone: string): { min: string; max: string } {
  if (!schedule || schedule.windows.length === 0) return { min: '05:00:00', max: '19:00:00' };
  let min = 24 * HOUR_MINUTES;
  let max = 0;
  for (const w of schedule.windows) {
    const start = dayjs(w.start).tz(timeZone);
    const end = dayjs(w.end).tz(timeZone);
    const startMinutes = start.hour() * HOUR_MINUTES + start.minute();
    const endMinutes = end.isSame(start, 'day')
      ? end.hour() * HOUR_MINUTES + end.minute()
      : 24 * HOUR_MINUTES;
    min = Math.min(min, startMinutes);
    max = Math.max(max, endMinutes);
  }
  const floor = Math.max(0, Math.floor(min / 30) * 30 - 30);
  const ceil = Math.min(24 * HOUR_MINUTES, Math.ceil(max / 30) * 30 + 30);
  return { min: hhmm(floor), max: hhmm(ceil) };
}

/**
 * The week (or day) of one station: window sessions as background bands, segment slots as boxes
 * that accept a reportage dropped from the side list (HTML5 drag and drop), placements as events
 * that can be dragged to another time. A refusal is shown on the slot that refused it.
 */
export function ScheduleCalendar(props: Props) {
  const { t, lang } = useLang();
  const { schedule, segments, zoneId, timeZone } = props;
  const hours = visibleHours(schedule, timeZone);

  // Placements inside a slot are listed in the slot's box (a 3-minute item beside a 10-minute slot
  // would be too narrow to read); the others are events of their own, which can be dragged.
  const { inSlot, bySlot } = useMemo(() => {
    const bySlot = new Map<string, Placement[]>();
    const inSlot = new Set<number>();
    for (const a of schedule?.allocations ?? []) {
      const from = new Date(a.start).getTime();
      const list = (schedule?.placements ?? []).filter((p) => {
        const at = new Date(p.startsAt).getTime();
        return p.allocationId === a.allocationId && at >= from && at < from + a.maxSeconds * 1000;
      });
      list.forEach((p) => inSlot.add(p.id));
      bySlot.set(slotKey(a), list);
    }
    return { inSlot, bySlot };
  }, [schedule]);

  const events = useMemo<EventInput[]>(() => {
    if (!schedule) return [];
    const segmentName = (id: number) => segments.find((s) => s.id === id)?.name ?? `#${id}`;
    const windows: EventInput[] = schedule.windows.map((w) => ({
      id: `w-${w.windowId}-${w.date}`,
      start: w.start,
      end: w.end,
      display: 'background',
      title: w.name ?? '',
      className: 'window-session',
      extendedProps: { kind: 'window' },
    }));
    const slots: EventInput[] = schedule.allocations.map((a) => ({
      id: `a-${slotKey(a)}`,
      start: a.start,
      end: new Date(new Date(a.start).getTime() + a.maxSeconds * 1000).toISOString(),
      title: segmentName(a.segmentId),
      editable: false,
      className: 'allocation-event',
      extendedProps: { kind: 'slot', slot: a },
    }));
    const placements: EventInput[] = schedule.placements
      .filter((p) => !inSlot.has(p.id))
      .map((p) => ({
        id: `p-${p.id}`,
        start: p.startsAt,
        // A 2-second item would be a hairline: show at least a minute; the box says the real length.
        end: new Date(
          Math.max(new Date(p.endsAt).getTime(), new Date(p.startsAt).getTime() + 60_000),
        ).toISOString(),
        title: p.title,
        editable: props.editable && p.status === 'planned' && new Date(p.startsAt) > new Date(),
        className: p.isReair ? 'placement-event placement-reair' : 'placement-event',
        extendedProps: { kind: 'placement', placement: p },
      }));
    return [...windows, ...slots, ...placements];
  }, [schedule, segments, props.editable, inSlot]);

  const allowDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(REPORTAGE_DRAG)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  return (
    <div className="schedule-calendar">
      <FullCalendar
        plugins={[timeGridPlugin, interactionPlugin, classicTheme]}
        initialView="timeGridWeek"
        initialDate={props.date}
        timeZone={timeZone}
        locale={lang === 'vi' ? VI : 'en'}
        headerToolbar={{ start: 'prev,today,next', center: 'title', end: 'timeGridWeek,timeGridDay' }}
        titleFormat={{ day: '2-digit', month: '2-digit', year: 'numeric' }}
        dayHeaderFormat={{ weekday: 'short', day: '2-digit', month: '2-digit' }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        // A placement shows its start and, in its box, its length: an end in minutes would read
        // "17:10 – 17:10" for an item under a minute.
        displayEventEnd={false}
        allDaySlot={false}
        slotDuration="00:05:00"
        snapDuration="00:01:00"
        slotMinTime={hours.min}
        slotMaxTime={hours.max}
        scrollTime={hours.min}
        height={620}
        nowIndicator
        eventMinHeight={20}
        expandRows
        eventDurationEditable={false}
        events={events}
        datesSet={(info) => {
          const from = dayjs(info.start).tz(timeZone).format('YYYY-MM-DD');
          const to = dayjs(info.end).tz(timeZone).subtract(1, 'minute').format('YYYY-MM-DD');
          props.onRange(from, to, from);
        }}
        eventClick={(info) => {
          const { kind, slot, placement } = info.event.extendedProps as {
            kind: string;
            slot?: AllocationSlot;
            placement?: Placement;
          };
          // A placement listed in a slot: FullCalendar takes the click (and Enter) on the slot's box.
          const inner = (info.jsEvent?.target as HTMLElement | null)?.closest?.('[data-placement]');
          const listed =
            inner && schedule?.placements.find((p) => String(p.id) === inner.getAttribute('data-placement'));
          if (listed) return props.onOpenPlacement(listed);
          if (kind === 'slot' && slot) props.onSelectSlot(slot);
          if (kind === 'placement' && placement) props.onOpenPlacement(placement);
        }}
        eventDrop={(info) => {
          const placement = (info.event.extendedProps as { placement?: Placement }).placement;
          if (placement) props.onMovePlacement(placement, info);
          else info.revert();
        }}
        eventContent={(arg) => {
          const { kind, slot, placement } = arg.event.extendedProps as {
            kind: string;
            slot?: AllocationSlot;
            placement?: Placement;
          };
          if (kind === 'slot' && slot) {
            const key = slotKey(slot);
            const refused = props.refusal?.slot === key ? props.refusal : null;
            const box = (
              <div
                className={[
                  'allocation-box',
                  props.selectedSlot === key ? 'allocation-selected' : '',
                  refused ? 'allocation-refused' : '',
                ].join(' ')}
                data-slot={key}
                data-zone={slot.zoneId}
                title={`${arg.timeText} ${arg.event.title} (${t('sch.upTo', { d: duration(slot.maxSeconds) })})`}
                onDragOver={allowDrop}
                onDragEnter={allowDrop}
                onDrop={(event) => {
                  const id = Number(event.dataTransfer.getData(REPORTAGE_DRAG));
                  if (!id) return;
                  event.preventDefault();
                  props.onDropReportage(slot, id);
                }}
              >
                <div className="allocation-head">
                  <b>{dayjs(slot.start).tz(timeZone).format('HH:mm')}</b> {arg.event.title}
                  {slot.zoneId !== zoneId && (
                    <span className="allocation-zone"> · {props.zoneName(slot.zoneId)}</span>
                  )}
                </div>
                {(bySlot.get(key) ?? []).map((p) => (
                  <PlacementButton
                    key={p.id}
                    placement={p}
                    timeZone={timeZone}
                    onOpen={props.onOpenPlacement}
                  />
                ))}
              </div>
            );
            if (!refused) return box;
            return (
              <Popover
                open
                placement="right"
                title={t('sch.refused')}
                content={
                  <div className="placement-refusal" data-slot={key} data-code={refused.code} role="alert">
                    <p style={{ maxWidth: 280, margin: '0 0 8px' }}>{refused.message}</p>
                    <Button size="small" onClick={props.onDismissRefusal}>
                      {t('sch.dismiss')}
                    </Button>
                  </div>
                }
              >
                {box}
              </Popover>
            );
          }
          if (kind === 'placement' && placement)
            return (
              <div className="placement-box" data-placement={placement.id}>
                <b>{arg.timeText}</b> {placement.title}
                <span className="placement-meta">
                  {' '}
                  ({duration(placement.durationSeconds)}
                  {placement.isReair ? `, ${t('sch.reair')}` : ''})
                </span>
              </div>
            );
          return <span className="window-name">{arg.event.title}</span>;
        }}
      />
    </div>
  );
}

/** A placement inside its slot's box: a button (Enter opens it), which also works as a drop target's child. */
function PlacementButton({
  placement,
  timeZone,
  onOpen,
}: {
  placement: Placement;
  timeZone: string;
  onOpen: (p: Placement) => void;
}) {
  const { t } = useLang();
  const meta = `${dayjs(placement.startsAt).tz(timeZone).format('HH:mm:ss')}, ${duration(placement.durationSeconds)}${placement.isReair ? `, ${t('sch.reair')}` : ''}`;
  return (
    <button
      type="button"
      className={
        placement.isReair
          ? 'placement-box placement-in-slot placement-reair'
          : 'placement-box placement-in-slot'
      }
      data-placement={placement.id}
      title={`${placement.title} (${meta})`}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(placement);
      }}
    >
      {placement.title} <span className="placement-meta">({meta})</span>
    </button>
  );
}

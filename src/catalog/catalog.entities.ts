import { Commendation, Exemplar } from './exemplars/exemplar.entity.js';
import { Field } from './fields/field.entity.js';
import { Place } from './places/place.entity.js';
import { Reportage, ReportageStatusChange } from './reportages/reportage.entity.js';
import { Segment } from './segments/segment.entity.js';

export const CATALOG_ENTITIES = [
  Place,
  Field,
  Segment,
  Exemplar,
  Commendation,
  Reportage,
  ReportageStatusChange,
];

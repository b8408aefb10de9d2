/**
 * The later steps of "Report a problem" — location, details and contact, check and send — and the confirmation:
 * a chunk of its own, loaded when the resident leaves the first step, so the first screen's bundle stays small.
 * Loading it defines their elements and hands the flow their checks and sending (see ReportFlow's ReportSteps).
 */
import { define } from '../define';
import { ReportConfirmation } from './confirmation';
import { DetailsStep } from './details-step';
import { LocationStep } from './location-step';
import { NearbyStep } from './nearby';
import { RedirectCard } from './redirect-card';
import { ReviewStep } from './review-step';

export { reportSteps } from '../../report/send';

define('citizen-portal-location', LocationStep);
define('citizen-portal-nearby', NearbyStep);
define('citizen-portal-redirect', RedirectCard);
define('citizen-portal-details', DetailsStep);
define('citizen-portal-review', ReviewStep);
define('citizen-portal-confirmation', ReportConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'citizen-portal-location': LocationStep;
    'citizen-portal-nearby': NearbyStep;
    'citizen-portal-redirect': RedirectCard;
    'citizen-portal-details': DetailsStep;
    'citizen-portal-review': ReviewStep;
    'citizen-portal-confirmation': ReportConfirmation;
  }
}

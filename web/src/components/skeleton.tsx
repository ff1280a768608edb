type SkeletonProps = { className?: string };

/** A placeholder block; decorative, so hidden from assistive technology. */
export function Skeleton({ className = '' }: SkeletonProps) {
  return <div aria-hidden="true" className={`rounded-md bg-washi-200 motion-safe:animate-pulse ${className}`} />;
}
